import { useId } from 'react';
import { isLanguage, languages } from '@innboks/contracts';
import { endonyms } from '../../../i18n/languages.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import { useLanguageChoice } from '../use-language-choice.ts';
import styles from './LanguageSwitch.module.scss';

/** The language switch in the header: each language named in itself, the choice saved for a logged-in citizen. */
export function LanguageSwitch({ loggedIn }: { loggedIn: boolean }) {
  const { m } = useMessages();
  const { language, choose, saveFailed } = useLanguageChoice(loggedIn);
  const id = useId();

  return (
    <div className={styles.switch}>
      <label htmlFor={id} className={styles.label}>
        {m.language.label}
      </label>
      <select
        id={id}
        className={styles.select}
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) choose(event.target.value);
        }}
      >
        {languages.map((each) => (
          <option key={each} value={each} lang={each}>
            {endonyms[each]}
          </option>
        ))}
      </select>
      <span role="status" className={styles.error}>
        {saveFailed ? m.language.saveFailed : ''}
      </span>
    </div>
  );
}
