import 'src/app.module';
import { catalogue } from 'src/platform/errors/problem-catalogue';
import { fillTemplate, text, type TemplateParams } from 'src/platform/i18n/locale';
import { registeredTexts } from 'src/platform/i18n/texts';
import { chineseIn, untranslatedWords } from './support/untranslated';

/** Every placeholder of a template, filled with a sample name in both languages. */
function samples(template: string): TemplateParams {
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  return Object.fromEntries(names.map((n) => [n, text('Sample', '样例')]));
}

describe('every text a user reads exists in Chinese and English', () => {
  it('walks every catalogued problem type: no untranslated word in Chinese, no Chinese in English', () => {
    const all = catalogue();
    expect(all.length).toBeGreaterThan(40);
    expect(all.map((p) => p.code)).toEqual(
      expect.arrayContaining(['roster.edit-breaks-rules', 'roster.publish-breaks-rules', 'roster.no-demand']),
    );
    const bad = all.flatMap((p) => {
      const zh = fillTemplate(p.zh, samples(p.zh), 'zh');
      const en = fillTemplate(p.en, samples(p.en), 'en');
      const words = untranslatedWords(zh);
      const hanzi = chineseIn(en);
      return [
        ...(words.length ? [`${p.code} zh: ${zh} (${words.join(', ')})`] : []),
        ...(hanzi.length ? [`${p.code} en: ${en}`] : []),
      ];
    });
    expect(bad).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const bad = catalogue()
      .filter((p) => names(p.zh).join() !== names(p.en).join())
      .map((p) => p.code);
    expect(bad).toEqual([]);
  });

  it('walks every label, warning and schema message', () => {
    const all = registeredTexts();
    expect(all.length).toBeGreaterThan(25);
    // Roster rules, warnings, progress notes and under-cover reasons are walked too.
    expect(all.map((x) => x.key)).toEqual(
      expect.arrayContaining([
        'roster.rule.min-rest-after',
        'roster.text.queueSkillNotHeld',
        'roster.text.progress',
        'roster.phase.price',
      ]),
    );
    const bad = all.flatMap(({ key, text: t }) => {
      const zh = fillTemplate(t.zh, samples(t.zh), 'zh');
      const en = fillTemplate(t.en, samples(t.en), 'en');
      const words = untranslatedWords(zh);
      return [
        ...(words.length ? [`${key} zh: ${zh} (${words.join(', ')})`] : []),
        ...(chineseIn(en).length ? [`${key} en: ${en}`] : []),
      ];
    });
    expect(bad).toEqual([]);
  });

  it('knows what an untranslated word is', () => {
    expect(untranslatedWords('班次 N 休息 9 h，少于 11 h')).toEqual([]);
    expect(untranslatedWords('条目状态 proposed')).toEqual(['proposed']);
    expect(untranslatedWords('请用 X-Shop-Id 请求头，时区如 Asia/Shanghai')).toEqual([]);
    expect(untranslatedWords('奖金 bonus')).toEqual(['bonus']);
    expect(untranslatedWords('请先创建预测（POST /forecasts）')).toEqual([]);
    expect(untranslatedWords('请运行 `npm run templates`')).toEqual([]);
    expect(untranslatedWords('客服 Lily 请假', ['Lily'])).toEqual([]);
    expect(chineseIn('Agent 李娜 (CS0042) on leave', ['李娜'])).toEqual([]);
    expect(chineseIn('状态 proposed')).toHaveLength(2);
  });
});
