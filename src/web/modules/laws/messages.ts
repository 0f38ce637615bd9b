import type { Text } from '../../app/i18n/messages'

/** The laws library's strings, merged into the app's messages. */
export const lawsMessages = {
  'menu.laws': { zh: '法律法规库', en: 'Laws library' },
  'laws.desc': { zh: '法律法规规章到条，立改废释及其对事项的影响', en: 'Laws down to the article; changes and their impact on items' },
  'role.law_editor': { zh: '法规编辑', en: 'Law editor' },
} as const satisfies Record<string, Text>
