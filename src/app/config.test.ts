import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      baseUrl: 'http://localhost:8080',
      seedDemo: true,
      hsts: false,
      trustProxy: false,
      portal: {},
      database: { connectTimeoutMs: 1_000, statementTimeoutMs: 1_000, startTimeoutMs: 30_000 },
      shutdownTimeoutMs: 8_000,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '3000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://helder@db/helder',
      PUBLIC_URL: 'https://veranderingen.voorbeeldstad.nl/',
      HELDER_DEMO: 'off',
      HELDER_HSTS: 'on',
      HELDER_SECURITY_CONTACT: 'mailto:security@voorbeeldstad.nl',
      HELDER_THEME_CLASS: 'voorbeeldstad-theme',
      HELDER_TRUST_PROXY: '10.0.0.0/8',
    });
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://helder@db/helder',
      baseUrl: 'https://veranderingen.voorbeeldstad.nl',
      seedDemo: false,
      hsts: true,
      trustProxy: '10.0.0.0/8',
      portal: { securityContact: 'mailto:security@voorbeeldstad.nl', themeClass: 'voorbeeldstad-theme' },
    });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeUndefined();
  });

  it('names every bad variable in one message', () => {
    try {
      loadConfig({ PORT: '99999', HELDER_DEMO: 'yes', PUBLIC_URL: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const name of ['PORT', 'HELDER_DEMO', 'PUBLIC_URL']) expect(message).toContain(name);
    }
  });
});
