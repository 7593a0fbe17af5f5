/** The review form: the transcript beside the rubric; posts POST /qc/reviews. */
import { get, post } from '../api.js';
import { dialog, field, h, options } from '../elements.js';
import { dateTime } from '../format.js';
import { t } from '../i18n.js';
import { notice } from './common.js';

const SEVERITIES = ['low', 'medium', 'high', 'critical'];

function transcriptView(text) {
  const lines = String(text ?? '')
    .split('\n')
    .filter(Boolean);
  return h(
    'div',
    { class: 'transcript' },
    lines.map((line) => {
      const [who, ...rest] = line.split(/[:：]/);
      const agent = /客服|agent/i.test(who);
      return h(
        'div',
        { class: `msg ${agent ? 'agent' : 'customer'}` },
        h('span', { class: 'who' }, who),
        rest.join('：'),
      );
    }),
  );
}

export async function reviewSession(sample, agentName, zone) {
  const [transcript, rubrics] = await Promise.all([
    get(`/qc/sessions/${sample.sessionId}/transcript`),
    get('/qc/rubrics'),
  ]);
  const rubric = rubrics.find((r) => r.active) ?? rubrics[0];
  return dialog(
    t('qc.reviewTitle', { name: agentName, time: dateTime(sample.sessionStartedAt, zone) }),
    (close) => {
      const inputs = rubric.items.map((item) => ({
        item,
        input: h('input', {
          type: 'number',
          min: 0,
          max: item.maxPoints,
          step: 0.5,
          value: item.kind === 'points' ? item.maxPoints : 0,
          'data-item': item.code,
        }),
      }));
      const categories = [...new Set(rubric.items.map((i) => i.category))];
      const comment = h('textarea', { name: 'comment', maxlength: 4000 });
      const findingCategory = h(
        'select',
        { name: 'findingCategory' },
        options([['', t('qc.noFinding')], ...categories.map((c) => [c, c])], ''),
      );
      const findingSeverity = h(
        'select',
        { name: 'findingSeverity' },
        options(
          SEVERITIES.map((s) => [s, t(`severity.${s}`)]),
          'medium',
        ),
      );
      const findingNote = h('input', { name: 'findingNote', maxlength: 2000 });
      const out = h('div');
      const submit = h('button', { type: 'submit', class: 'primary', id: 'submit-review' }, t('qc.submitReview'));
      const form = h(
        'form',
        { class: 'dialog-form', id: 'review-form' },
        h(
          'div',
          { class: 'split' },
          h('div', null, h('div', { class: 'rubric-cat' }, t('qc.transcript')), transcriptView(transcript.transcript)),
          h(
            'div',
            { class: 'transcript' },
            h('div', { class: 'hint' }, `${rubric.name} · v${rubric.version}`),
            categories.map((c) => [
              h('div', { class: 'rubric-cat' }, c),
              inputs
                .filter((x) => x.item.category === c)
                .map(({ item, input }) =>
                  h(
                    'label',
                    { class: 'rubric-item' },
                    h(
                      'span',
                      null,
                      item.title,
                      ' ',
                      h(
                        'span',
                        { class: item.critical ? 'bad-text' : 'hint' },
                        item.kind === 'points'
                          ? t('qc.points', { max: item.maxPoints })
                          : item.critical
                            ? t('qc.critical')
                            : t('qc.deduction', { max: item.maxPoints }),
                      ),
                    ),
                    input,
                  ),
                ),
            ]),
          ),
        ),
        field(t('qc.comment'), comment),
        h(
          'div',
          { class: 'form-row' },
          field(t('qc.finding'), findingCategory),
          field(t('qc.severity'), findingSeverity),
          field(t('common.note'), findingNote),
        ),
        out,
        h(
          'div',
          { class: 'dialog-actions' },
          h('button', { type: 'button', class: 'ghost', onclick: () => close(null) }, t('common.cancel')),
          submit,
        ),
      );
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        submit.disabled = true;
        const body = {
          sessionId: sample.sessionId,
          rubricVersionId: rubric.id,
          scores: inputs.map(({ item, input }) => ({ itemId: item.id, points: Number(input.value) })),
          comment: comment.value || undefined,
          findings: findingCategory.value
            ? [
                {
                  category: findingCategory.value,
                  severity: findingSeverity.value,
                  note: findingNote.value || undefined,
                },
              ]
            : [],
        };
        try {
          close(await post('/qc/reviews', body));
        } catch (error) {
          submit.disabled = false;
          out.replaceChildren(
            notice(
              'error',
              [error.message, ...(error.problem?.errors ?? []).map((x) => `${x.field}: ${x.message}`)].join(' · '),
            ),
          );
        }
      });
      return form;
    },
    'wide',
  );
}
