import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NUMBER_SETTINGS, numberSettingValue, VOLUME_STEP, LOOPBACK_PORT, SEEK_STEP_SECONDS } from '../../../src/vscode/settings/numberSettings';

// The number settings as Backbeat reads them and as the Settings editor offers them (package.json)
// are one and the same: default, bounds, whole numbers or not.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
type Property = { type: string; default: number; minimum?: number; maximum?: number };
const properties = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Property> } } })
  .contributes.configuration.properties;

describe('number settings', () => {
  it('are read with the default and the bounds package.json declares, every one of them', () => {
    const declared = Object.entries(properties)
      .filter(([, p]) => p.type === 'number' || p.type === 'integer')
      .map(([key, p]) => ({ key: key.replace(/^backbeat\./, ''), fallback: p.default, min: p.minimum, max: p.maximum, integer: p.type === 'integer' }));
    const read = NUMBER_SETTINGS.map((s) => ({ key: s.key, fallback: s.fallback, min: s.min, max: s.max, integer: s.integer === true }));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    assert.deepStrictEqual(read.sort(byKey), declared.sort(byKey));
  });

  it('take a value out of range to the nearest bound, round whole numbers, and ignore what is no number', () => {
    assert.strictEqual(numberSettingValue(VOLUME_STEP, 500), 50);
    assert.strictEqual(numberSettingValue(VOLUME_STEP, 7.6), 8);
    assert.strictEqual(numberSettingValue(SEEK_STEP_SECONDS, 2.5), 2.5);
    assert.strictEqual(numberSettingValue(SEEK_STEP_SECONDS, '30'), 15);
    assert.strictEqual(numberSettingValue(SEEK_STEP_SECONDS, Number.NaN), 15);
  });

  it('a port number is exact or nothing: out of range or a fraction means a free port', () => {
    assert.strictEqual(numberSettingValue(LOOPBACK_PORT, 8080), 8080);
    assert.strictEqual(numberSettingValue(LOOPBACK_PORT, 70000), 0);
    assert.strictEqual(numberSettingValue(LOOPBACK_PORT, 8080.5), 0);
  });
});
