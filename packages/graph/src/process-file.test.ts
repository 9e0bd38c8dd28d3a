import { describe, expect, it } from 'vitest';
import { loadAnalyzer, type Analyze } from './process-file.js';

describe('loadAnalyzer', () => {
  const missing = new URL('./no-such-analyzer.js', import.meta.url).href;

  it('returns the function the spec carries without importing its module', async () => {
    const local: Analyze = () => 'local';
    await expect(loadAnalyzer({ module: missing, settings: {}, key: 'k', local })).resolves.toBe(local);
  });

  it('imports the module when the spec carries no function', async () => {
    await expect(loadAnalyzer({ module: missing, settings: {}, key: 'k' })).rejects.toThrow();
  });
});
