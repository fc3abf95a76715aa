import { json, Reply } from './http';

/** The Web API's error envelope: {"error":{"status","message","reason"?}}. */
export function apiError(status: number, message: string, reason?: string): Reply {
  const error: { status: number; message: string; reason?: string } = { status, message };
  if (reason !== undefined) {
    error.reason = reason;
  }
  return json(status, { error });
}

/** The accounts service's OAuth error body; Spotify answers all of them with HTTP 400. */
export function oauthError(error: string, description: string): Reply {
  return json(400, { error, error_description: description });
}

/** Thrown inside player logic; the route turns it into the Web API error body. */
export class PlayerError extends Error {
  constructor(readonly status: number, message: string, readonly reason?: string) {
    super(message);
  }

  toReply(): Reply {
    return apiError(this.status, this.message, this.reason);
  }
}

/** The player errors Spotify really sends. */
export const playerErrors = {
  noActiveDevice: () => new PlayerError(404, 'Player command failed: No active device found', 'NO_ACTIVE_DEVICE'),
  premiumRequired: () => new PlayerError(403, 'Player command failed: Premium required', 'PREMIUM_REQUIRED'),
  restrictionViolated: () => new PlayerError(403, 'Player command failed: Restriction violated', 'UNKNOWN'),
  volumeDisallowed: () => new PlayerError(403, 'Player command failed: Cannot control device volume', 'VOLUME_CONTROL_DISALLOW'),
  deviceNotFound: () => new PlayerError(404, 'Device not found'),
  badRequest: (message: string) => new PlayerError(400, message),
};
