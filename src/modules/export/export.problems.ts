import { defineProblems } from 'src/platform/errors/problem-catalogue';

/** Refusals of exports. */
export const ExportProblems = defineProblems('export', {
  unknownKind: {
    status: 400,
    en: 'Unknown export kind {kind}; one of {kinds}',
    zh: '未知的导出类型 {kind}，可选：{kinds}',
  },
  kindForbidden: { status: 403, en: 'Your role may not export {kind}', zh: '您的角色无权导出“{kind}”' },
  exportNotFound: { status: 404, en: 'Export not found', zh: '未找到该导出' },
  fileMissing: { status: 404, en: 'The export file is missing', zh: '导出文件不存在' },
  notReady: {
    status: 409,
    en: 'The export is {state}; the file is ready when it is completed',
    zh: '该导出为“{state}”，完成后才能下载文件',
  },
});
