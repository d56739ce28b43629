import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFixture, keys } from '../helpers/fixtures';

test('fixture markers are read with their line shifts and removed from the text', () => {
  const { text, expected } = parseFixture('一、甲\n二、乙 {{a-b}}\n四、丁 {{x}}{{y:-1}}\n');
  assert.equal(text, '一、甲\n二、乙\n四、丁\n');
  assert.deepEqual(keys(expected), ['2:a-b', '2:y', '3:x']);
});
