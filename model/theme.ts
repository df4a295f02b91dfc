/**
 * Data colours of the Digital Agency's official Power BI theme (CustomThemeBlueDefault_2026,
 * policy-dashboard-assets, PDL1.0), copied into model/theme/.
 */
export const CHART_COLORS = ['#0017C1', '#3460FB', '#7096F8', '#C5D7FB', '#E8F1FE', '#FE3939', '#FFBBBB', '#F8F8FB'] as const;
