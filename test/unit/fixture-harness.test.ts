import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFixture, keys, severityMismatches } from '../helpers/fixtures';

test('fixture markers are read with their line shifts and removed from the text', () => {
  const { text, expected } = parseFixture('一、甲\n二、乙 {{a-b}}\n四、丁 {{x}}{{y:-1}}\n');
  assert.equal(text, '一、甲\n二、乙\n四、丁\n');
  assert.deepEqual(keys(expected), ['2:a-b', '2:y', '3:x']);
});

test('a marker may state a severity, with or without a line shift; a wrong severity is reported', () => {
  const { text, expected } = parseFixture('甲 {{a-b:warning}}\n乙 {{c:error:-1}}{{d}}\n');
  assert.equal(text, '甲\n乙\n');
  assert.deepEqual(expected, [
    { line: 0, code: 'a-b', severity: 'warning' },
    { line: 0, code: 'c', severity: 'error' },
    { line: 1, code: 'd' },
  ]);
  assert.deepEqual(severityMismatches(expected, [{ line: 0, code: 'a-b', severity: 'error' }, { line: 0, code: 'c', severity: 'error' }, { line: 1, code: 'd', severity: 'hint' }]), [
    '1:a-b: warning expected, error found',
  ]);
});
