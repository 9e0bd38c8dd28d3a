runFormatTest(import.meta, ['markdown']);
