import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAccountsFile } from './parse-accounts-file.js';

describe('parseAccountsFile', () => {
  it('reads access keys with and without user names', () => {
    const keys = parseAccountsFile({
      accessKeys: {
        AKIAROOT: { secretAccessKey: 's1', accountId: '123456789012' },
        AKIAUSER: { secretAccessKey: 's2', accountId: '210987654321', userName: 'ci-bot' },
      },
    });
    assert.deepEqual([...keys], [
      ['AKIAROOT', { secretAccessKey: 's1', accountId: '123456789012' }],
      ['AKIAUSER', { secretAccessKey: 's2', accountId: '210987654321', userName: 'ci-bot' }],
    ]);
  });

  it('names the offending path in its errors', () => {
    const cases: ReadonlyArray<readonly [unknown, RegExp]> = [
      [[], /accounts: expected an object with "accessKeys", got an array$/],
      [{ keys: {} }, /unknown field "keys"/],
      [{ accessKeys: 'x' }, /accounts\.accessKeys: expected an object, got "x"$/],
      [{ accessKeys: { 'AK/IA': { secretAccessKey: 's', accountId: '123456789012' } } }, /\["AK\/IA"\]: access key id/],
      [{ accessKeys: { AKIA: { accountId: '123456789012' } } }, /\["AKIA"\]\.secretAccessKey: expected a non-empty string, got nothing/],
      [{ accessKeys: { AKIA: { secretAccessKey: 's', accountId: 123456789012 } } }, /\.accountId: expected a 12-digit string .* got 123456789012$/],
      [{ accessKeys: { AKIA: { secretAccessKey: 's', accountId: '1234' } } }, /\.accountId: .* got "1234"$/],
      [{ accessKeys: { AKIA: { secretAccessKey: 's', accountId: '123456789012', userName: 'a b' } } }, /\.userName: /],
      [{ accessKeys: { AKIA: { secretKey: 's', accountId: '123456789012' } } }, /unknown field "secretKey" \(expected secretAccessKey, accountId, userName\)/],
    ];
    for (const [input, message] of cases) assert.throws(() => parseAccountsFile(input), message);
  });
});
