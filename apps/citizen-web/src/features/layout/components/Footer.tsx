import { useMessages } from '../../../i18n/use-messages.ts';
import { format } from '../../../i18n/format.ts';
import { useConfig } from '../api/get-config.ts';
import styles from './Footer.module.scss';

/** `23 32 70 00` → `tel:23327000`; keeps a leading `+` for international numbers. */
export function telHref(phone: string): string {
  const trimmed = phone.trim();
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${trimmed.replace(/\D/g, '')}`;
}

/** The footer on every page: how to reach the help desk (from the server's configuration, its name and hours in the page's language). */
export function Footer() {
  const { m, language } = useMessages();
  const config = useConfig();
  const helpdesk = config.data?.helpdesk;
  const text = helpdesk?.text[language];

  return (
    <footer className={styles.footer}>
      <div className={styles.inner}>
        <section className={styles.help} aria-labelledby="footer-help-heading">
          <h2 id="footer-help-heading" className={styles.heading}>
            {m.footer.heading}
          </h2>
          {helpdesk && text && (
            <p className={styles.helpdesk} data-testid="helpdesk">
              {format(m.footer.helpdesk, { name: text.name })}{' '}
              <a className={styles.phone} href={telHref(helpdesk.phone)}>
                {helpdesk.phone}
              </a>
              . {text.hours}
            </p>
          )}
        </section>
      </div>
    </footer>
  );
}
