// name: drop_person_key
// params:
// After an erasure the unique index may still hold an erased person's id (ids were once made
// from e-mail addresses): dropping the constraint and creating it again (`schema`) rebuilds
// the index from the persons that remain.
DROP CONSTRAINT person_id IF EXISTS
