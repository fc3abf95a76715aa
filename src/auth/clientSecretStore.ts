import type { SecretStorage } from './secretStorage';
import type { Log } from '../log';

/** The optional client secret (classic Authorization Code flow), kept in SecretStorage only. */
const CLIENT_SECRET_KEY = 'backbeat.clientSecret';

export class ClientSecretStore {
  constructor(
    private readonly secrets: SecretStorage,
    private readonly log: Pick<Log, 'warn' | 'addSecret'>,
  ) {}

  async get(): Promise<string | undefined> {
    try {
      const secret = (await this.secrets.get(CLIENT_SECRET_KEY))?.trim();
      this.log.addSecret(secret);
      return secret || undefined;
    } catch (error) {
      this.log.warn(`Could not read the stored client secret: ${(error as Error).message}`);
      return undefined;
    }
  }

  async set(secret: string): Promise<void> {
    this.log.addSecret(secret);
    await this.secrets.store(CLIENT_SECRET_KEY, secret.trim());
  }

  async clear(): Promise<void> {
    await this.secrets.delete(CLIENT_SECRET_KEY);
  }
}
