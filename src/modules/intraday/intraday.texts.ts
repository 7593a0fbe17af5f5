import { defineTexts } from 'src/platform/i18n/texts';

/** What a suggestion proposes, and the note its roster version carries once accepted. */
export const SuggestionTexts = defineTexts('intraday.suggestion', {
  'move-break': { en: 'Move the {break} of {agent} to {time}', zh: '将{agent}的{break}移到 {time}' },
  'early-start': { en: '{agent} starts at {time} instead of {was}', zh: '{agent}提前到 {time} 上班（原定 {was}）' },
  overtime: { en: '{agent} works an extra shift {shift} {from}–{to}', zh: '{agent}加班：{shift} {from}–{to}' },
  release: {
    en: '{agent} takes voluntary time off instead of the shift {from}–{to}',
    zh: '{agent}自愿休假，不上 {from}–{to} 的班',
  },
  note: {
    en: 'Intraday on {queue}, {date}: {what}; projected service level for the rest of the day {before} → {after}',
    zh: '{date} {queue} 日内调整：{what}；当天剩余时段预计服务水平 {before} → {after}',
  },
});

export const SuggestionKinds = defineTexts('intraday.kind', {
  'move-break': { en: 'break move', zh: '调整休息' },
  'early-start': { en: 'early start', zh: '提前上班' },
  overtime: { en: 'extra shift', zh: '加班' },
  release: { en: 'voluntary time off', zh: '自愿休假' },
});
