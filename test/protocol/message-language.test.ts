// fazhiReport.messageLanguage: the client passes a fixed language in initializationOptions.locale, and it wins over
// the editor's display language (a drafter whose VS Code is in English still reads Chinese messages).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorClient } from './editor-client';
import { GAP } from './editor-texts';

const numberingMessage = async (options: { locale: string; initializationOptions?: Record<string, unknown> }) => {
  const c = await EditorClient.start(options);
  try {
    const uri = 'file:///lang/a.fzbg.txt';
    c.open(uri, GAP);
    const d = (await c.published(uri)).find((x) => x.code === 'heading-numbering');
    assert.ok(d, 'the numbering gap is reported');
    return d.message as string;
  } finally {
    c.kill();
  }
};

test('the editor language decides, unless the client names one', async () => {
  assert.match(await numberingMessage({ locale: 'en' }), /^Heading numbering skips/);
  assert.match(await numberingMessage({ locale: 'en', initializationOptions: { locale: 'zh-cn' } }), /^标题序号不连续/);
  assert.match(await numberingMessage({ locale: 'zh-cn', initializationOptions: { locale: 'en' } }), /^Heading numbering skips/);
});
