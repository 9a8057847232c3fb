// An mbox of a whole send (mboxrd, as git, mutt and Python's mailbox read it): each message
// after a "From " separator line, its body lines starting with ">*From " quoted with one more
// ">", LF line ends, and a blank line after each message.

function asctime(date: Date): string {
  // "Fri Nov 27 16:00:00 2026", the separator's date format (in UTC).
  const [weekday, month, day, time, year] = [
    date.toUTCString().slice(0, 3),
    date.toUTCString().slice(8, 11),
    String(date.getUTCDate()).padStart(2, ' '),
    date.toISOString().slice(11, 19),
    date.getUTCFullYear(),
  ];
  return `${weekday} ${month} ${day} ${time} ${year}`;
}

export function mboxMessage(bytes: Buffer, sender: string, date: Date): Buffer {
  const text = bytes.toString('latin1').replace(/\r\n/g, '\n');
  const quoted = text.replace(/^(>*From )/gm, '>$1');
  const body = quoted.endsWith('\n') ? quoted : `${quoted}\n`;
  return Buffer.from(`From ${sender.replace(/\s+/g, '') || 'MAILER-DAEMON'} ${asctime(date)}\n${body}\n`, 'latin1');
}

export function buildMbox(messages: { bytes: Buffer; sender: string; date: Date }[]): Buffer {
  return Buffer.concat(messages.map(({ bytes, sender, date }) => mboxMessage(bytes, sender, date)));
}
