/** RupantorPay answers errors as `{ "status": false, "message": "…" }`. */
export class RupantorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }

  toJSON(): { status: false; message: string } {
    return { status: false, message: this.message };
  }
}
