/// Decoding of describecloudbaserunenvs environments with `JSONReader`: each field read once,
/// straight from the answer's bytes, with the leniency the type's documentation describes
/// (arrays `[]`, `null` or absent; numbers where strings are documented; booleans as `0`/`1`).
/// Unknown keys are skipped; a repeated key keeps its last value.
extension CloudBaseRunEnv {
  /// One environment from the bytes of its JSON object.
  public init(json: some Collection<UInt8>) throws {
    self = try JSONReader.read(json) { try CloudBaseRunEnv(reading: &$0) }
  }

  public init(reading reader: inout JSONReader) throws {
    self.init()
    try reader.readObject { r, key in
      if key.is("env_id") {
        envID = try r.lenientString()
      } else if key.is("alias") {
        alias = try r.lenientString()
      } else if key.is("source") {
        source = try r.lenientString()
      } else if key.is("create_time") {
        createTime = try r.lenientString()
      } else if key.is("update_time") {
        updateTime = try r.lenientString()
      } else if key.is("status") {
        status = try r.lenientString()
      } else if key.is("databases") {
        databases = try r.lenientArray(Database.init(reading:))
      } else if key.is("storages") {
        storages = try r.lenientArray(Storage.init(reading:))
      } else if key.is("functions") {
        functions = try r.lenientArray(Function.init(reading:))
      } else if key.is("package_id") {
        packageID = try r.lenientString()
      } else if key.is("package_name") {
        packageName = try r.lenientString()
      } else if key.is("log_services") {
        logServices = try r.lenientArray(LogService.init(reading:))
      } else if key.is("static_storages") {
        staticStorages = try r.lenientArray(StaticStorage.init(reading:))
      } else if key.is("is_auto_degrade") {
        isAutoDegrade = try r.lenientBool()
      } else if key.is("env_channel") {
        envChannel = try r.lenientString()
      } else if key.is("pay_mode") {
        payMode = try r.lenientString()
      } else if key.is("is_default") {
        isDefault = try r.lenientBool()
      } else if key.is("region") {
        region = try r.lenientString()
      } else if key.is("tags") {
        tags = try r.lenientArray(Tag.init(reading:))
      } else if key.is("custom_log_services") {
        customLogServices = try r.lenientArray(CustomLogService.init(reading:))
      }
    }
  }
}

extension CloudBaseRunEnv.Database {
  public init(reading reader: inout JSONReader) throws {
    self.init()
    try reader.readObject { r, key in
      if key.is("instance_id") {
        instanceID = try r.lenientString()
      } else if key.is("status") {
        status = try r.lenientString()
      } else if key.is("region") {
        region = try r.lenientString()
      }
    }
  }
}

extension CloudBaseRunEnv.Storage {
  public init(reading reader: inout JSONReader) throws {
    self.init()
    try reader.readObject { r, key in
      if key.is("region") {
        region = try r.lenientString()
      } else if key.is("bucket") {
        bucket = try r.lenientString()
      } else if key.is("cdn_domain") {
        cdnDomain = try r.lenientString()
      } else if key.is("app_id") {
        appID = try r.lenientString()
      }
    }
  }
}

extension CloudBaseRunEnv.Function {
  public init(reading reader: inout JSONReader) throws {
    self.init()
    try reader.readObject { r, key in
      if key.is("namespace") {
        namespace = try r.lenientString()
      } else if key.is("region") {
        region = try r.lenientString()
      }
    }
  }
}

extension CloudBaseRunEnv.LogService {
  public init(reading reader: inout JSONReader) throws {
    self.init()
    try reader.readObject { r, key in
      if key.is("logset_name") {
        logsetName = try r.lenientString()
      } else if key.is("logset_id") {
        logsetID = try r.lenientString()
      } else if key.is("topic_name") {
        topicName = try r.lenientString()
      } else if key.is("topic_id") {
        topicID = try r.lenientString()
      } else if key.is("region") {
        region = try r.lenientString()
      }
    }
  }
}

extension CloudBaseRunEnv.StaticStorage {
  public init(reading reader: inout JSONReader) throws {
    self.init()
    try reader.readObject { r, key in
      if key.is("static_domain") {
        staticDomain = try r.lenientString()
      } else if key.is("default_dir_name") {
        defaultDirName = try r.lenientString()
      } else if key.is("status") {
        status = try r.lenientString()
      } else if key.is("region") {
        region = try r.lenientString()
      } else if key.is("bucket") {
        bucket = try r.lenientString()
      }
    }
  }
}

extension CloudBaseRunEnv.Tag {
  public init(reading reader: inout JSONReader) throws {
    self.init()
    try reader.readObject { r, key in
      if key.is("key") {
        self.key = try r.lenientString()
      } else if key.is("value") {
        value = try r.lenientString()
      }
    }
  }
}

extension CloudBaseRunEnv.CustomLogService {
  public init(reading reader: inout JSONReader) throws {
    self.init()
    try reader.readObject { r, key in
      if key.is("cls_region") {
        clsRegion = try r.lenientString()
      } else if key.is("cls_logset_id") {
        clsLogsetID = try r.lenientString()
      } else if key.is("cls_topic_id") {
        clsTopicID = try r.lenientString()
      } else if key.is("create_time") {
        createTime = try r.lenientString()
      }
    }
  }
}
