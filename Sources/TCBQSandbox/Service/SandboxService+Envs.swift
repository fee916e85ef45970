import TCBQCore

/// describecloudbaserunenvs.
extension SandboxService {
  func describeEnvs(_ request: TransportRequest, _ state: inout SandboxState)
    throws(SandboxErrorCode) -> Outcome
  {
    _ = try authenticate(request, &state)
    if state.encodedEnvList == nil {
      var writer = JSONWriter(reservingCapacity: state.envs.count * 1200 + 16)
      writer.beginArray()
      for env in state.envs { env.write(to: &writer) }
      writer.endArray()
      state.encodedEnvList = writer.bytes
    }
    var writer = JSONWriter(reservingCapacity: (state.encodedEnvList?.count ?? 0) + 48)
    writer.beginObject()
    writer.key("errcode")
    writer.integer(0)
    writer.member("errmsg", "ok")
    writer.key("env_list")
    writer.raw(state.encodedEnvList ?? [])
    writer.endObject()
    return Outcome(body: writer.bytes, errcode: 0)
  }
}

extension SandboxEnv {
  /// Writes the environment as describecloudbaserunenvs answers it, fields in the documented
  /// order; nil strings are left out, empty arrays written as `[]`, `null` or not at all.
  func write(to writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("env_id", envID)
    writer.member("alias", alias)
    writer.member("source", source)
    writer.member("create_time", createTime)
    writer.member("update_time", updateTime)
    writer.member("status", status)
    writeArray("databases", .databases, databases, &writer) { item, writer in
      writer.member("instance_id", item.instanceID)
      writer.member("status", item.status)
      writer.member("region", item.region)
    }
    writeArray("storages", .storages, storages, &writer) { item, writer in
      writer.member("region", item.region)
      writer.member("bucket", item.bucket)
      writer.member("cdn_domain", item.cdnDomain)
      writer.member("app_id", item.appID)
    }
    writeArray("functions", .functions, functions, &writer) { item, writer in
      writer.member("namespace", item.namespace)
      writer.member("region", item.region)
    }
    writer.member("package_id", packageID)
    writer.member("package_name", packageName)
    writeArray("log_services", .logServices, logServices, &writer) { item, writer in
      writer.member("logset_name", item.logsetName)
      writer.member("logset_id", item.logsetID)
      writer.member("topic_name", item.topicName)
      writer.member("topic_id", item.topicID)
      writer.member("region", item.region)
    }
    writeArray("static_storages", .staticStorages, staticStorages, &writer) { item, writer in
      writer.member("static_domain", item.staticDomain)
      writer.member("default_dir_name", item.defaultDirName)
      writer.member("status", item.status)
      writer.member("region", item.region)
      writer.member("bucket", item.bucket)
    }
    writer.member("is_auto_degrade", isAutoDegrade)
    writer.member("env_channel", envChannel)
    writer.member("pay_mode", payMode)
    writer.member("is_default", isDefault)
    writer.member("region", region)
    writeArray("tags", .tags, tags, &writer) { item, writer in
      writer.member("key", item.key)
      writer.member("value", item.value)
    }
    writeArray("custom_log_services", .customLogServices, customLogServices, &writer) {
      item, writer in
      writer.member("cls_region", item.clsRegion)
      writer.member("cls_logset_id", item.clsLogsetID)
      writer.member("cls_topic_id", item.clsTopicID)
      writer.member("create_time", item.createTime)
    }
    writer.endObject()
  }

  private func writeArray<Element>(
    _ name: String, _ field: ArrayFields, _ elements: [Element], _ writer: inout JSONWriter,
    _ writeFields: (Element, inout JSONWriter) -> Void
  ) {
    if elements.isEmpty {
      if absentArrays.contains(field) { return }
      if nullArrays.contains(field) { return writer.nullMember(name) }
    }
    writer.key(name)
    writer.beginArray()
    for element in elements {
      writer.beginObject()
      writeFields(element, &writer)
      writer.endObject()
    }
    writer.endArray()
  }
}
