import { ComplaintIntakeBody } from './complaint.dto';
import { complaintRowsFromCsv } from './complaint-csv';

describe('complaintRowsFromCsv', () => {
  it('reads the header as field names, drops blank cells and turns 是/否 into booleans', () => {
    const csv =
      '\uFEFFchannel,customerKey,category,severity,negativeReview,agentEmployeeNo,description\r\n' +
      'review,buyer_1,logistics,high,是,,"快递慢, 很生气"\r\n' +
      'chat,buyer_2,other,low,0,CS0002,\n';
    const rows = complaintRowsFromCsv(csv);
    expect(rows).toEqual([
      {
        row: 2,
        value: {
          channel: 'review',
          customerKey: 'buyer_1',
          category: 'logistics',
          severity: 'high',
          negativeReview: true,
          description: '快递慢, 很生气',
        },
      },
      {
        row: 3,
        value: {
          channel: 'chat',
          customerKey: 'buyer_2',
          category: 'other',
          severity: 'low',
          negativeReview: false,
          agentEmployeeNo: 'CS0002',
        },
      },
    ]);
    for (const r of rows) expect(ComplaintIntakeBody.safeParse(r.value).success).toBe(true);
  });

  it('leaves a value that is no boolean for the schema to refuse, naming the field', () => {
    const [r] = complaintRowsFromCsv('channel,customerKey,category,negativeReview\nchat,b,other,maybe\n');
    const parsed = ComplaintIntakeBody.safeParse(r.value);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join('.'))).toEqual(['negativeReview']);
  });

  it('gives nothing for an empty file', () => {
    expect(complaintRowsFromCsv('')).toEqual([]);
  });
});
