import pino, { type DestinationStream, type Logger } from 'pino'
import { redactPii } from './pii/pii'

/**
 * The structured logger: secrets are removed by path, and anything shaped like a resident ID or a
 * mobile number is masked in the final line, wherever it appears (a URL, a message, an error).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.currentPassword',
        '*.newPassword',
        '*.token',
        '*.idNumber',
        '*.phone',
      ],
      censor: '[redacted]',
    },
    hooks: { streamWrite: (line) => redactPii(line) },
  }
  return destination ? pino(options, destination) : pino(options)
}
