import { newMark, SessionMark, SessionMarks } from '../src/auth/sessionMark';

/** The session mark in memory: what the global storage folder is to the windows of one machine. */
export class MemorySessionMarks implements SessionMarks {
  mark: SessionMark | undefined;

  async read(): Promise<SessionMark | undefined> {
    return this.mark && { ...this.mark };
  }

  async leave(signedIn: boolean): Promise<SessionMark> {
    this.mark = newMark(signedIn);
    return { ...this.mark };
  }
}
