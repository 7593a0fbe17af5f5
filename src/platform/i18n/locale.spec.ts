import { fillTemplate, fillText, inLocale, localeFromAcceptLanguage, text } from './locale';
import { currentLocale, setShopLocale, withLocale } from './request-locale';

describe('locale', () => {
  it('picks the highest-weighted language we speak from Accept-Language', () => {
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR, en;q=0.5, zh;q=0.7')).toBe('zh');
    expect(localeFromAcceptLanguage('de, en;q=0')).toBeUndefined();
    expect(localeFromAcceptLanguage('*')).toBeUndefined();
    expect(localeFromAcceptLanguage(undefined)).toBeUndefined();
    expect(localeFromAcceptLanguage('zh;q=abc, en')).toBe('en');
  });

  it('fills placeholders with plain values, texts in the locale and lists', () => {
    const shift = text('Night', '夜班');
    expect(fillTemplate('rest {hours} h after {shift}', { hours: 9, shift }, 'en')).toBe('rest 9 h after Night');
    expect(fillTemplate('{who}休息', { who: [text('Li', '李'), '王'] }, 'zh')).toBe('李、王休息');
    expect(fillTemplate('keeps {missing}', {}, 'en')).toBe('keeps {missing}');
    expect(fillText(text('{n} agents', '{n} 名客服'), { n: 4 })).toEqual({ en: '4 agents', zh: '4 名客服' });
    expect(inLocale(null, 'zh')).toBe('');
  });

  it('uses the request, then the shop, then Chinese', () => {
    expect(currentLocale()).toBe('zh');
    expect(withLocale('en', () => currentLocale())).toBe('en');
    withLocale('zh', () => {
      setShopLocale('en');
      expect(currentLocale()).toBe('zh');
    });
  });
});
