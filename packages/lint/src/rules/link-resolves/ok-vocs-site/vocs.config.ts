import { defineConfig } from 'vocs/config';

export default defineConfig({ title: 'Fixture' });
