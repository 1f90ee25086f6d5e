import { m } from '../../../i18n/nb.ts';
import styles from './Footer.module.scss';

/** Every page's footer: where to get help, and that reads are logged. */
export function Footer() {
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
