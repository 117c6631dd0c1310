// name: restore_constraint
// params:
// A template (graphmap restore): the unique key of a label graphmap's model does not know
// yet, as the backup names it; checked names are filled in for __LABEL__ and __KEY__.
CREATE CONSTRAINT IF NOT EXISTS FOR (n:__LABEL__) REQUIRE n.__KEY__ IS UNIQUE
