/**
 * The example scheme exactly as migration 0009 inserted it, frozen here: the live example
 * (shared/assessment-example.ts) may change; what a shipped migration writes may not.
 */
export const EXAMPLE_SCHEME_0009 = {
  "name": "星级党支部考评指标（示例，请按本院方案修改）",
  "year": 2025,
  "dimensions": [
    {
      "name": "组织设置",
      "points": 10,
      "indicators": [
        {
          "key": "setup",
          "name": "按规定设置支部、按期换届",
          "kind": "points",
          "max": 10
        }
      ]
    },
    {
      "name": "班子建设",
      "points": 15,
      "indicators": [
        {
          "key": "team",
          "name": "支委会配备齐全、书记履职",
          "kind": "points",
          "max": 10
        },
        {
          "key": "dual",
          "name": "书记为“双带头人”",
          "kind": "points",
          "max": 5
        }
      ]
    },
    {
      "name": "组织生活",
      "points": 25,
      "indicators": [
        {
          "key": "meetings",
          "name": "三会一课按规定次数召开",
          "kind": "points",
          "max": 15
        },
        {
          "key": "records",
          "name": "会议记录完整规范",
          "kind": "points",
          "max": 10
        },
        {
          "key": "late",
          "name": "未按期召开（每次扣2分）",
          "kind": "deduction",
          "max": 10
        }
      ]
    },
    {
      "name": "党员管理",
      "points": 20,
      "indicators": [
        {
          "key": "develop",
          "name": "发展党员程序规范",
          "kind": "points",
          "max": 10
        },
        {
          "key": "dues",
          "name": "按时足额交纳党费",
          "kind": "points",
          "max": 5
        },
        {
          "key": "education",
          "name": "党员教育学时达标",
          "kind": "points",
          "max": 5
        }
      ]
    },
    {
      "name": "业务融合",
      "points": 30,
      "indicators": [
        {
          "key": "quality",
          "name": "医疗质量与安全",
          "kind": "points",
          "max": 10
        },
        {
          "key": "ethics",
          "name": "医德医风",
          "kind": "points",
          "max": 10
        },
        {
          "key": "satisfaction",
          "name": "患者满意度",
          "kind": "points",
          "max": 10
        },
        {
          "key": "violation",
          "name": "违规违纪扣分",
          "kind": "deduction",
          "max": 30
        },
        {
          "key": "honor",
          "name": "获上级表彰加分",
          "kind": "bonus",
          "max": 5
        }
      ]
    }
  ]
}
