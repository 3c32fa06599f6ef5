import { describe, expect, it } from 'vitest';
import { parseSettings, toAnalysisOptions } from '../../server/src/settings';

describe('settings', () => {
  it('reads deployedBy, keeping auto for anything else', () => {
    expect(parseSettings({ deployedBy: 'deploy-action' }).deployedBy).toBe('deploy-action');
    expect(parseSettings({ deployedBy: 'cli' }).deployedBy).toBe('cli');
    expect(parseSettings({ deployedBy: 'github' }).deployedBy).toBe('auto');
    expect(parseSettings({}).deployedBy).toBe('auto');
  });

  it('turns deployedBy and what the workflows show into the deployment the core judges by', () => {
    const detected = { consumer: 'deployAction' as const, workflow: '.github/workflows/deploy.yml' };
    expect(toAnalysisOptions(parseSettings({}), undefined, detected).deployment).toBe(detected);
    expect(toAnalysisOptions(parseSettings({}), undefined, undefined).deployment).toEqual({ consumer: 'cli' });
    expect(toAnalysisOptions(parseSettings({ deployedBy: 'cli' }), undefined, detected).deployment).toEqual({ consumer: 'cli' });
    expect(toAnalysisOptions(parseSettings({ deployedBy: 'deploy-action' }), undefined, undefined).deployment).toEqual({
      consumer: 'deployAction',
    });
  });
});
