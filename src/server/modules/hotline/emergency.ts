import type { EmergencyService } from './appeals.tables'

/**
 * Words that may mean a life or property is in danger right now: the agent is told to consider a
 * transfer to 110 (police), 119 (fire) or 120 (ambulance) before anything else. A flag, never a
 * decision: the agent decides and records the transfer with its reference.
 */
const signals: Readonly<Record<EmergencyService, readonly string[]>> = {
  '110': ['打架', '斗殴', '抢劫', '抢钱', '持刀', '砍人', '杀人', '绑架', '家暴', '殴打', '跳楼', '轻生', '自杀', '入室盗窃', '正在偷', '报警'],
  '119': ['着火', '起火', '失火', '火灾', '冒烟', '爆炸', '燃气泄漏', '煤气泄漏', '天然气泄漏', '被困电梯', '困在电梯'],
  '120': ['晕倒', '昏迷', '休克', '心脏病', '呼吸困难', '大出血', '急救', '中毒', '抽搐', '车祸受伤', '不省人事'],
}

/** The emergency services an appeal's text may concern, most urgent first. */
export function emergencySignals(text: string): { service: EmergencyService; words: string[] }[] {
  return (Object.keys(signals) as EmergencyService[])
    .map((service) => ({ service, words: signals[service].filter((word) => text.includes(word)) }))
    .filter((signal) => signal.words.length > 0)
}
