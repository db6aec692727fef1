import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../../kernel/index.js';
import { groupAlwaysConsumes } from './single-pass-captures.js';

describe('groupAlwaysConsumes', () => {
  const cases: readonly [string, number, boolean][] = [
    ['"stopReason":"(?P<stopReason>[a-z_]+)"', 1, true],
    ['user=(?P<user>\\S+) action=(?P<action>\\S+)', 2, true],
    ['(?P<level>\\w*) x', 1, false],
    ['\\[(.*?)\\] (.*?) The error was: (.*?)$', 1, false],
    ['(?i)(?P<level>error|info)', 1, false],
    ['a(b)?c', 1, false],
    ['(x(y)z)', 2, false],
    ['(x(y)z)', 1, true],
    ['(?:ab)(cd)', 1, true],
    ['a|(b)', 1, false],
    ['(\\b)x', 1, false],
    ['(a{0,2})', 1, false],
    ['(a{2})', 1, true],
  ];
  for (const [pattern, group, expected] of cases) test(`/${pattern}/ group ${group}`, () => assert.equal(groupAlwaysConsumes(pattern, group), expected));

  test('when it says so, no match of the regex leaves the group empty (random texts)', () => {
    const random = seededRandom(11);
    const patterns = ['k(a+)b', 'x(?<n>[ab]{1,3})y?', '(ab?)c', '(a)(b*)', '((?:ab)+)c', 'a(b|c)d'];
    for (const source of patterns) {
      const regex = new RegExp(source);
      const groups = (source.match(/\((?!\?:)/g) ?? []).length;
      for (let group = 1; group <= groups; group++) {
        if (!groupAlwaysConsumes(source.replace('(?<', '(?P<'), group)) continue;
        for (let n = 0; n < 2000; n++) {
          const text = Array.from({ length: 1 + Math.floor(random() * 8) }, () => 'abcdkxy'[Math.floor(random() * 7)]).join('');
          const match = regex.exec(text);
          if (match !== null) assert.notEqual(match[group] ?? '', '', `${source} group ${group} on ${text}`);
        }
      }
    }
  });
});
