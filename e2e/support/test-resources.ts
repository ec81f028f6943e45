// The run's own database and Redis prefix: the kit's test support, shared with the subgraphs' tests.
export * from '@espigon/kit/testing/test-resources';
