/**
 * Reads the runnable examples out of a Markdown page. Conventions (stated in the docs, too):
 * - a ```bash or ```js fence is a runnable block;
 * - a following ```json output fence is the JSON the block prints (a subset: fields that vary are left out,
 *   arrays must have the same length);
 * - a following ```text output fence lists lines that must each appear in what the block prints (stdout + stderr).
 */

export interface ExpectedOutput {
  readonly kind: 'json' | 'text';
  readonly text: string;
}

export interface DocBlock {
  readonly language: 'bash' | 'js';
  readonly code: string;
  /** 1-based line of the opening fence, for failure messages. */
  readonly line: number;
  expected?: ExpectedOutput;
}

const FENCE = /^```\s*(\S*)\s*(\S*)\s*$/;

export function runnableBlocks(markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lines = markdown.split('\n');
  let open: { info: readonly [string, string]; line: number; body: string[] } | undefined;
  for (const [index, line] of lines.entries()) {
    const fence = FENCE.exec(line);
    if (open === undefined) {
      if (fence !== null) open = { info: [fence[1] ?? '', fence[2] ?? ''], line: index + 1, body: [] };
      continue;
    }
    if (line.trim() !== '```') { open.body.push(line); continue; }
    const [language, role] = open.info;
    const code = open.body.join('\n');
    if (role === 'output') {
      const owner = blocks.at(-1);
      if (owner === undefined || owner.expected !== undefined) throw new Error(`line ${open.line}: an output block must follow a runnable block`);
      if (language !== 'json' && language !== 'text') throw new Error(`line ${open.line}: output blocks are json or text, not ${language}`);
      owner.expected = { kind: language, text: code };
    } else if (language === 'bash' || language === 'js') {
      blocks.push({ language, code, line: open.line });
    }
    open = undefined;
  }
  if (open !== undefined) throw new Error(`line ${open.line}: unclosed code fence`);
  return blocks;
}
