import * as assert from 'assert';
import { fillPlaceholders, l10n, Translatable, Translate } from '../../src/l10n';
import { NotSignedIn } from '../../src/auth/sessionKeeper';
import { describeFailure } from '../../src/present/errorMessages';
import { nowPlayingTexts } from '../../src/present/nowPlayingTexts';
import { SESSION_IN_ANOTHER_TAB } from '../../src/present/sessionInAnotherTab';

// l10n.t answers in English until activation installs VS Code's translator, then every text built
// from that moment on is the translator's: nothing was translated once, at import.

/** A stand-in for a language bundle: every message in «», placeholders filled after. */
const bracketing = ((first: string | Translatable, ...rest: (string | number | boolean)[]) =>
  typeof first === 'string' ? `«${fillPlaceholders(first, rest)}»` : `«${fillPlaceholders(first.message, first.args ?? [])}»`) as Translate;

describe('l10n.t', () => {
  afterEach(() => l10n.install(undefined));

  it('formats the English as VS Code does: {0} by position, {name} by name, an unknown placeholder kept', () => {
    assert.strictEqual(l10n.t('Back at {0} on {1}', '19:53', 'Tue'), 'Back at 19:53 on Tue');
    assert.strictEqual(l10n.t('{0} of {1}', 3, 10), '3 of 10');
    assert.strictEqual(l10n.t('Wait {0} and {2}', 'a'), 'Wait a and {2}');
    assert.strictEqual(l10n.t({ message: 'Play on {device}', args: { device: 'Kitchen' }, comment: 'a device' }), 'Play on Kitchen');
    assert.strictEqual(l10n.t('No placeholder {here}'), 'No placeholder {here}');
    assert.strictEqual(l10n.t('Not a value: {length} {toString}', 'a'), 'Not a value: {length} {toString}');
  });

  it('goes through the installed translator, for texts built after it was installed', () => {
    l10n.install(bracketing);
    assert.strictEqual(l10n.t('Back at {0}', '19:53'), '«Back at 19:53»');
    const message = describeFailure(new NotSignedIn())!;
    assert.strictEqual(message.text, '«You are not signed in to Spotify.»');
    assert.deepStrictEqual(
      message.actions.map((a) => a.title),
      ['«Sign In»'],
    );
    assert.strictEqual(SESSION_IN_ANOTHER_TAB.text, '«Your Spotify sign-in changed in another tab. Reload this tab to use it here.»');
    assert.strictEqual(nowPlayingTexts().upNext, '«Up next»');
  });

  it('answers in English again once the translator is removed', () => {
    l10n.install(bracketing);
    l10n.install(undefined);
    assert.strictEqual(describeFailure(new NotSignedIn())!.actions[0].title, 'Sign In');
  });
});
