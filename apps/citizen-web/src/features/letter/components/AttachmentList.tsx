import type { Attachment } from '@innboks/contracts';
import Icon from '@helsenorge/designsystem-react/components/Icon';
import DownloadIcon from '@helsenorge/designsystem-react/components/Icons/Download';
import FileIcon from '@helsenorge/designsystem-react/components/Icons/File';
import { getColor } from '@helsenorge/designsystem-react/theme/currys/color';
import { format } from '../../../i18n/format.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { humanSize } from '../../../lib/sizes.ts';
import styles from './AttachmentList.module.scss';

/** `…/file` → `…/file?download=1` (or `&download=1` when the URL already has a query). */
export function downloadHref(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}download=1`;
}

/** `application/pdf` → `PDF`. */
function typeLabel(contentType: string): string {
  const subtype = contentType.split(';')[0]?.split('/')[1] ?? contentType;
  return subtype.replace(/^x-/, '').toUpperCase();
}

/** A message's attachments: each opens in the browser, or downloads. */
export function AttachmentList({ attachments, headingId }: { attachments: Attachment[]; headingId: string }) {
  const { m, locale } = useMessages();

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {m.letter.attachmentsHeading}
      </h3>
      <ul className={styles.list}>
        {attachments.map((attachment) => {
          const size = humanSize(attachment.size, locale);
          return (
            <li key={attachment.id} className={styles.item}>
              <Icon svgIcon={FileIcon} size={32} color={getColor('blueberry', 600)} />
              <div className={styles.details}>
                <a
                  className={styles.open}
                  href={attachment.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  data-testid="attachment-link"
                >
                  {attachment.title}
                  <span className="visually-hidden"> {m.letter.opensInNewTab}</span>
                </a>
                <span className={styles.meta}>
                  {format(m.letter.attachmentDetails, {
                    type: typeLabel(attachment.contentType),
                    size: format(m.units[size.unit], { size: size.size }),
                  })}
                </span>
              </div>
              <a className={styles.download} href={downloadHref(attachment.url)} download>
                <Icon svgIcon={DownloadIcon} size={24} color={getColor('blueberry', 700)} />
                {m.letter.download}
                <span className="visually-hidden"> {attachment.title}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
