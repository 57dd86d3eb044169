import { describe, expect, it } from 'vitest';
import { ProblemReport, type IpcResult } from '@hearth/common';
import { Value } from 'typebox/value';
import { problemCode, reportProblem } from './report-problem';

describe('reportProblem', () => {
  it('sends the code of a problem and the Hearth error code of its details, never their message', () => {
    const sent: unknown[] = [];
    const hearth = {
      reportProblem: (args: unknown): Promise<IpcResult<{ done: true }>> => {
        sent.push(args);
        return Promise.resolve({ ok: true, value: { done: true } });
      },
    };
    reportProblem(hearth, 'calls', 'signaling error: peer-unavailable', 'Could not connect to peer Lucía');
    reportProblem(hearth, 'chat', 'mark-read', { code: 'UNAVAILABLE', message: 'The relay is away' });
    reportProblem(hearth, 'chat', 'mark-read', { code: 'NOT_A_CODE' });
    expect(sent).toEqual([
      { area: 'calls', code: 'signaling-error-peer-unavailable' },
      { area: 'chat', code: 'mark-read', error: 'UNAVAILABLE' },
      { area: 'chat', code: 'mark-read' },
    ]);
    for (const report of sent) expect(Value.Check(ProblemReport, report)).toBe(true);
  });

  it('turns any text into a code the channel accepts', () => {
    for (const text of ['could not get ICE servers', '', '---', 'ÀÉÎ', 'x'.repeat(200), '.dot first', 'a. b']) {
      expect(Value.Check(ProblemReport, { area: 'app', code: problemCode(text) }), text).toBe(true);
    }
    expect(problemCode('could not get ICE servers')).toBe('could-not-get-ice-servers');
  });
});
