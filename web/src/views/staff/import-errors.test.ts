import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/http';
import { importErrorsOf, importRowErrors, parseRowField } from './import-errors';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describe('import errors (X-4)', () => {
  it('reads row.<n>.<column> as a row and a known column', () => {
    expect(parseRowField('row.12.clock_in')).toEqual({ row: 12, column: 'clock_in' });
    expect(parseRowField('row.3.id_number')).toEqual({ row: 3, column: 'id_number' });
  });

  it('keeps the row of an unknown column or of a whole row, without a column', () => {
    expect(parseRowField('row.7.shoe_size')).toEqual({ row: 7, column: null });
    expect(parseRowField('row.7')).toEqual({ row: 7, column: null });
  });

  it('names no row for other fields', () => {
    expect(parseRowField('file')).toBeNull();
    expect(parseRowField('header.date')).toBeNull();
    expect(parseRowField('rows.2.date')).toBeNull();
  });

  it('sorts the cells by row and keeps the other reasons apart, in the locale asked for', () => {
    const split = importRowErrors(
      [
        { field: 'row.9.date', message: text('日期无效', 'Invalid date') },
        { field: 'header', message: text('缺少列：日期', 'Missing column: date') },
        { field: 'row.2.clock_in', message: text('时间无效', 'Invalid time') },
      ],
      'en',
    );
    expect(split.rows).toEqual([
      { row: 2, column: 'clock_in', message: 'Invalid time' },
      { row: 9, column: 'date', message: 'Invalid date' },
    ]);
    expect(split.other).toEqual(['Missing column: date']);
  });

  it('turns a refused request into the message and the table', () => {
    const error = new ApiError(400, {
      code: 'InvalidArgument',
      message: text('导入文件有错误，未写入任何数据', 'The file has errors; nothing was written'),
      fields: [{ field: 'row.6.clock_in', message: text('上班时间无效：25:00', 'Invalid clock-in time: 25:00') }],
    });
    expect(importErrorsOf(error, 'zh-CN')).toEqual({
      message: '导入文件有错误，未写入任何数据',
      rows: [{ row: 6, column: 'clock_in', message: '上班时间无效：25:00' }],
      other: [],
    });
    expect(importErrorsOf(new Error('boom'), 'zh-CN')).toEqual({ message: 'boom', rows: [], other: [] });
  });
});
