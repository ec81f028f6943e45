// How long the gateway waits for each subgraph: the common limit, the assistant's longer one, and the operator's say.
import { ConfigError } from '@espigon/kit/config';
import { subgraphTimeouts } from './config';

describe('subgraphTimeouts', () => {
  it("waits SUBGRAPH_TIMEOUT_MS for a subgraph, longer for the assistant's replies", () => {
    const timeoutOf = subgraphTimeouts({}, 10_000);
    expect(timeoutOf('catalog')).toBe(10_000);
    expect(timeoutOf('assistant')).toBe(120_000);
  });

  it('takes SUBGRAPH_TIMEOUT_MS_<NAME> for one subgraph, and refuses a value that is no number of milliseconds', () => {
    const timeoutOf = subgraphTimeouts({ SUBGRAPH_TIMEOUT_MS_ASSISTANT: '45000', SUBGRAPH_TIMEOUT_MS_REPORTS: '20000' }, 10_000);
    expect(timeoutOf('assistant')).toBe(45_000);
    expect(timeoutOf('reports')).toBe(20_000);
    expect(timeoutOf('users')).toBe(10_000);
    expect(() => subgraphTimeouts({ SUBGRAPH_TIMEOUT_MS_ASSISTANT: '2 minutes' }, 10_000)).toThrow(ConfigError);
    expect(() => subgraphTimeouts({ SUBGRAPH_TIMEOUT_MS_USERS: '5' }, 10_000)).toThrow(/SUBGRAPH_TIMEOUT_MS_USERS/);
  });
});
