/** An error as JXA throws it for a failed Apple event or bridge call: the OSA error number rides along. */
export function jxaError(errorNumber: number, message: string): Error {
  return Object.assign(new Error(message), { errorNumber });
}

/** OSA error numbers the stand-in uses (Apple's "AppleScript Language Guide", Error Numbers). */
export const NOT_AUTHORIZED = -1743;
export const APP_NOT_FOUND = -2700;
export const CANT_SET = -10006;
