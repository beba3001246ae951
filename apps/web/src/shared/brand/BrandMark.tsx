import { useTranslation } from 'react-i18next';

interface BrandMarkProps {
  size?: number;
}

/** The product's mark: a gold star and "1+2" on the union's blue, with the product name beside it. */
export function BrandMark({ size = 36 }: BrandMarkProps) {
  const { t } = useTranslation();
  return (
    <span className="brand">
      <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden focusable="false">
        <rect width="40" height="40" rx="9" fill="#0054a6" />
        <path d="M20 5.5l2.6 5.3 5.8.8-4.2 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.2-4.1 5.8-.8z" fill="#ffd700" />
        <text x="20" y="35" textAnchor="middle" fontSize="12.5" fontWeight="700" fill="#fff" fontFamily="system-ui, sans-serif">
          1+2
        </text>
      </svg>
      <span className="brand__name">{t('app.title')}</span>
    </span>
  );
}
