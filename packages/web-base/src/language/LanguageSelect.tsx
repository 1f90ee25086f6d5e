import { useId } from 'react';
import { isLanguage, languages, type Language } from '@innboks/contracts';
import styles from './LanguageSelect.module.scss';

/** Each language's name in itself, as the switch shows it whatever the page's language. */
export const endonyms: Readonly<Record<Language, string>> = { nb: 'Norsk bokmål', nn: 'Norsk nynorsk', se: 'Davvisámegiella', en: 'English' };

export interface LanguageSelectProps {
  /** "Språk", in the page's language. */
  label: string;
  value: Language;
  onChange: (language: Language) => void;
  /** Shown (and announced) under the switch when the choice could not be saved. */
  error?: string | undefined;
}

/** The language switch for a header: each language named in itself and marked with its own `lang`. */
export function LanguageSelect({ label, value, onChange, error }: LanguageSelectProps) {
  const id = useId();
  return (
    <div className={styles.switch}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <select
        id={id}
        className={styles.select}
        value={value}
        onChange={(event) => {
          if (isLanguage(event.target.value)) onChange(event.target.value);
        }}
      >
        {languages.map((each) => (
          <option key={each} value={each} lang={each}>
            {endonyms[each]}
          </option>
        ))}
      </select>
      <span role="status" className={styles.error}>
        {error ?? ''}
      </span>
    </div>
  );
}
