/// The Python side of W6: `json.loads` of the answer plus flattening into the same columns,
/// timed by the script itself (median of `runs`), printed in seconds.
enum PythonLoad {
  static let script = #"""
    import json, statistics, sys, time

    NESTED = {
        "databases": ["instance_id", "status", "region"],
        "storages": ["region", "bucket", "cdn_domain", "app_id"],
        "functions": ["namespace", "region"],
        "log_services": ["logset_name", "logset_id", "topic_name", "topic_id", "region"],
        "static_storages": ["static_domain", "default_dir_name", "status", "region", "bucket"],
        "tags": ["key", "value"],
        "custom_log_services": ["cls_region", "cls_logset_id", "cls_topic_id", "create_time"],
    }
    ENV = ["env_id", "alias", "source", "status", "region", "create_time", "update_time",
           "package_id", "package_name", "pay_mode", "env_channel", "is_default", "is_auto_degrade"]

    def load(data):
        answer = json.loads(data)
        envs = {k: [] for k in ENV}
        nested = {t: {k: [] for k in ["env_id"] + cols} for t, cols in NESTED.items()}
        for env in answer["env_list"]:
            for k in ENV:
                envs[k].append(env.get(k))
            env_id = env.get("env_id")
            for t, cols in NESTED.items():
                out = nested[t]
                for item in env.get(t) or []:
                    out["env_id"].append(env_id)
                    for k in cols:
                        out[k].append(item.get(k))
        return envs, nested

    data = open(sys.argv[1], "rb").read()
    runs = int(sys.argv[2])
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        envs, nested = load(data)
        times.append(time.perf_counter() - start)
        assert len(envs["env_id"]) > 0
    print(statistics.median(times))
    """#
}
