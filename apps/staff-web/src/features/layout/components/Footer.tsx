import { useMessages } from '../../../i18n/use-messages.ts';
import styles from './Footer.module.scss';

/** Every page's footer: where to get help, and that reads are logged. */
export function Footer() {
  const { m } = useMessages();
  return (
    <footer className={styles.footer}>
      <section className={styles.inner} aria-labelledby="footer-help-heading">
        <h2 id="footer-help-heading" className={styles.heading}>
          {m.footer.heading}
        </h2>
        <p>{m.footer.help}</p>
        <p>{m.footer.privacy}</p>
      </section>
    </footer>
  );
}
