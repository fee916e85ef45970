/// Differential queries for the scalar functions SQLite's query features add (issue 18).
extension DifferentialTests {
  static let functionQueries: [String] = [
    "select env_id, typeof(alias), typeof(package_id), typeof(is_default), typeof(null) from envs",
    "select typeof(auth_time), typeof(auth_time / 2.0), typeof(auth_time || '') from apps",
    "select abs(auth_time), abs(-auth_time), abs(auth_time / -3.0), typeof(abs(auth_time)) from apps",
    "select abs(package_id), typeof(abs(package_id)), abs(alias), abs(is_default) from envs",
    "select round(auth_time / 7.0), round(auth_time / 7.0, 2), round(auth_time / 7.0, -1), round(-auth_time / 3.0, 1) from apps",
    "select round(2.675, 2), round(1.005, 2), round(-2.5), round(0.5), round(2.5), round(-0.5, 0), round('3.7x'), round(null), round(3, null), typeof(round(3)) from envs limit 1",
    "select round(package_id), round(package_id, 1), round(alias, 2) from envs",
    "select round(1234.5678, 1), round(0.045, 2), round(0.055, 2), round(1e-5, 4), round(99.995, 2), round(12345678901234567.5) from envs limit 1",
    "select replace(alias, 'a', 'X'), replace(alias, '', 'x'), replace(alias, 'alpha', ''), replace(package_id, 1, 9) from envs",
    "select replace(null, 'a', 'b'), replace(alias, null, 'b'), replace(alias, 'a', null) from envs",
    "select replace(alias, '环境', 'env'), replace(t.value, '0', 'o') from envs join tags t on t.env_id = envs.env_id",
    "select instr(alias, 'a'), instr(alias, ''), instr(alias, '环'), instr(alias, null), instr(package_id, 2) from envs",
    "select instr(auth_time, '0'), instr(appid, 'app') from apps",
    "select ltrim(alias), rtrim(alias), ltrim(alias, 'a'), rtrim(alias, 'a-1'), ltrim(null), rtrim(alias, null) from envs",
    "select ltrim(package_id, '0'), rtrim(package_id, ' '), ltrim(auth_time, '-') from envs join apps on appid = 'wxapp02'",
    "select iif(is_default, 'default', 'other'), iif(status = 'NORMAL', 1, 0), iif(null, 'y', 'n') from envs",
    "select iif(auth_time > 100, auth_time, 'small'), typeof(iif(auth_time > 100, auth_time, 'small')) from apps",
    "select nullif(status, 'NORMAL'), nullif(alias, ''), nullif(package_id, 12), nullif(null, 1), nullif(1, null) from envs",
    "select nullif(auth_time, 0), typeof(nullif(auth_time, 0)), nullif(auth_time, '1') from apps",
    "select hex(alias), hex(package_id), hex(is_default), hex(null) from envs",
    "select hex(auth_time), hex(auth_time / 2.0) from apps",
    "select char(72, 105), char(20013, 25991), char(), typeof(char()), char(65, 66) from envs limit 1",
    "select count(*) from envs where instr(alias, 'a') > 0 and replace(alias, 'a', '') <> alias",
    "select status, group_concat(env_id) is not null, max(length(replace(alias, 'a', ''))) from envs group by status order by status",
    "select printf('%d|%5d|%-5d|%05d|%+d|%x|%X|%o', 42, 42, 42, 42, 42, 255, 255, 8) from envs limit 1",
    "select printf('%s|%10s|%-10s|%.2s|%c|%%|%q|%Q|%Q', 'hi', 'hi', 'hi', 'hello', 'xyz', 'it''s', 'it''s', null) from envs limit 1",
    "select printf('%f|%.2f|%10.3f|%.0f|%.1f', 3.14159, 2.675, -1.5, 0.5, 0.05) from envs limit 1",
    "select printf('%d', '12abc'), printf('%s', 1.5), printf('%d', 3.9), printf(null), printf('%s %s', 'a'), format('%,d', 1234567) from envs limit 1",
    "select printf('%s=%d', env_id, length(alias)), printf('%5.1f%%', package_id) from envs",
    "select printf('%.3f', auth_time / 7.0), printf('%08.2f', auth_time / 3.0), printf('%x', auth_time) from apps",
    "select format('%-8s|', alias), format('%.3s', alias) from envs where alias glob '[a-z]*'",
    "select printf('%e', 12345.678), printf('%g', 0.0001), printf('%.3g', 1234567.0), printf('%g', 100.0) from envs limit 1",
  ]
}

extension DifferentialTests {
  /// `total` against `sum`, and `group_concat`, with NULL, text and mixed values.
  static let aggregateQueries: [String] = [
    "select total(auth_time), sum(auth_time), total(null), sum(null) from apps",
    "select status, total(package_id), sum(length(alias)), total(is_default) from envs group by status order by status",
    "select total(alias), total(package_id), typeof(total(package_id)) from envs",
    "select region, length(group_concat(env_id)) from envs group by region order by region",
    "select count(*), length(group_concat(alias)), group_concat(null) from envs",
    "select t.key, group_concat(t.value, '|') from tags t group by t.key order by t.key",
    "select status, group_concat(distinct region) is null from envs group by status order by status",
    "select is_default, group_concat(package_id, '; ') is not null, count(package_id) from envs group by is_default order by is_default",
    "select group_concat(auth_time, '') is not null, total(auth_time) > 0 from apps",
    "select status from envs group by status having total(package_id) > 10 order by status",
  ]
}
