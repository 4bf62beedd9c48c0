import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Launch tokens: minted per browser launch, valid once and for a short time; a successful auth hands the page
 * a resume secret so a reload or a dropped socket reconnects without a new launch.
 */
export class TokenBook {
  private readonly launch = new Map<string, number>();
  private readonly resumes = new Set<string>();

  constructor(private readonly ttlMs = 120_000, private readonly now: () => number = Date.now) {}

  mintLaunchToken(): string {
    const token = randomBytes(24).toString('base64url');
    this.launch.set(token, this.now() + this.ttlMs);
    return token;
  }

  /** Consumes a launch token; true once per token, within its lifetime. */
  redeemLaunchToken(token: string): string | null {
    for (const [known, expiry] of this.launch) {
      if (safeEqual(known, token)) {
        this.launch.delete(known);
        if (expiry < this.now()) return null;
        return this.mintResume();
      }
    }
    return null;
  }

  checkResume(secret: string): boolean {
    for (const known of this.resumes) if (safeEqual(known, secret)) return true;
    return false;
  }

  private mintResume(): string {
    const secret = randomBytes(32).toString('base64url');
    this.resumes.add(secret);
    return secret;
  }
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
