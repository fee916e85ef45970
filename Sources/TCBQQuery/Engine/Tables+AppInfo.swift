import TCBQCore

extension Tables {
  /// `app_info` from api_get_authorizer_info: one row per app answered, the ids as sent.
  public static func fromAuthorizerInfo(_ infos: [AuthorizerInfo]) -> Table {
    var appid = TextColumn(expectingDistinct: infos.count)
    var nickName = TextColumn(), userName = TextColumn(), principalName = TextColumn()
    var serviceType = IntegerColumn(), verifyType = IntegerColumn()
    var accountStatus = IntegerColumn()
    var isMiniProgram = BooleanColumn()
    var signature = TextColumn(), headImg = TextColumn()
    for info in infos {
      appid.append(info.appid)
      nickName.append(info.nickName)
      userName.append(info.userName)
      principalName.append(info.principalName)
      serviceType.append(info.serviceType)
      verifyType.append(info.verifyType)
      accountStatus.append(info.accountStatus)
      isMiniProgram.append(info.isMiniProgram)
      signature.append(info.signature)
      headImg.append(info.headImg)
    }
    return make(
      .appInfo,
      [.text(appid), .text(nickName), .text(userName), .text(principalName)]
        + [.integer(serviceType), .integer(verifyType), .integer(accountStatus)]
        + [.boolean(isMiniProgram), .text(signature), .text(headImg)])
  }

  /// `app_permissions` from the same answers: one row per (appid, permission set granted).
  public static func fromPermissions(_ infos: [AuthorizerInfo]) -> Table {
    var appid = TextColumn(expectingDistinct: infos.count)
    var funcscopeID = IntegerColumn()
    for info in infos {
      for id in info.funcscopeIDs {
        appid.append(info.appid)
        funcscopeID.append(id)
      }
    }
    return make(.appPermissions, [.text(appid), .integer(funcscopeID)])
  }

  /// `share_errors` from batchgetenvid's `err_list` entries (the service's own answers about an
  /// app): appid, errmsg as sent, and its kind. Calls that failed are not rows: they are the
  /// statement's failures.
  public static func fromShareErrors(_ failures: [AppFailure]) -> Table {
    var appid = TextColumn(expectingDistinct: failures.count)
    var errmsg = TextColumn(), kind = TextColumn()
    for failure in failures where failure.answered {
      appid.append(failure.appid)
      errmsg.append(failure.errmsg)
      kind.append(failure.shareErrorKind.rawValue)
    }
    return make(.shareErrors, [.text(appid), .text(errmsg), .text(kind)])
  }
}
