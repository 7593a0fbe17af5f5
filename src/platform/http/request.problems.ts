import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of a request before any module reads it: its body, its encoding, its type. */
export const RequestProblems = defineProblems('request', {
  charsetUnsupported: {
    status: 415,
    en: 'The body is in {charset}; send JSON as UTF-8',
    zh: '请求内容的编码是 {charset}，JSON 请使用 UTF-8 编码',
  },
  encodingUnsupported: {
    status: 415,
    en: 'The content encoding {encoding} is not supported; send {supported} or none',
    zh: '不支持内容编码 {encoding}，请使用 {supported} 或不压缩',
  },
  encodingInvalid: {
    status: 400,
    en: 'The body is not valid {encoding} data, as its Content-Encoding says it is',
    zh: '请求内容不是其 Content-Encoding 所声明的有效 {encoding} 数据',
  },
  notUtf8: { status: 400, en: 'The body is not valid UTF-8 text', zh: '请求内容不是有效的 UTF-8 文本' },
  jsonInvalid: {
    status: 400,
    type: 'bad-request',
    en: 'The body is not valid JSON: {reason}',
    zh: '请求内容不是有效的 JSON：{reason}',
  },
  tooDeep: {
    status: 400,
    en: 'The body is nested more than {limit} levels deep',
    zh: '请求内容的嵌套层级超过 {limit} 层',
  },
  bodyUnreadable: {
    status: 400,
    type: 'bad-request',
    en: 'The body could not be read: {reason}',
    zh: '无法读取请求内容：{reason}',
  },
  mediaType: {
    status: 415,
    en: 'This endpoint takes {accepted}; the body was sent as {sent}',
    zh: '此接口接受 {accepted}，而请求内容的类型是 {sent}',
  },
  nulCharacter: {
    status: 400,
    en: '{field} holds a NUL character (\\u0000), which no text may hold',
    zh: '{field} 含有 NUL 字符（\\u0000），文本中不能有该字符',
  },
  unpairedSurrogate: {
    status: 400,
    en: '{field} holds an unpaired surrogate, which is not text',
    zh: '{field} 含有不成对的代理项，不是有效文本',
  },
  reservedKey: { status: 400, en: '{field}: the key {key} is not accepted', zh: '{field}：不接受键名 {key}' },
});
