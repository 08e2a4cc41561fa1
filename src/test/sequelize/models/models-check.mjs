// models-check.mjs — runs the MarsAI back-end's own Sequelize models (loaded at run time from an
// upstream checkout; nothing of upstream's is copied here) through one scripted sequence of operations
// against one database, and records per operation: success/failure, the error class, the rows returned,
// and every SQL statement the models sent (captured at the mysql2 driver, with the values made literal).
//
//   node models-check.mjs DB OUT_JSON OUT_SQL [OUT_LOG]
//     env: MODELS_DIR (default /work/ref/upstream/back/src/models), DB_HOST (127.0.0.1), DB_PORT (3306),
//          DB_USER (root), DB_PASSWORD ('')
//
// A fake clock makes every timestamp the models write deterministic: operation i runs at
// 2026-03-01 09:00:00 UTC + i minutes. Values the server fills in itself (DEFAULT current_timestamp())
// are normalised to "<db-now>".
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const [DB, OUT_JSON, OUT_SQL, OUT_LOG] = process.argv.slice(2);
if (!DB || !OUT_JSON || !OUT_SQL) { console.error('usage: node models-check.mjs DB OUT_JSON OUT_SQL [OUT_LOG]'); process.exit(2); }
const MODELS_DIR = process.env.MODELS_DIR || '/work/ref/upstream/back/src/models';

// ---------------------------------------------------------------- fake clock
const RealDate = Date;
const BASE = RealDate.UTC(2026, 2, 1, 9, 0, 0);
let clock = BASE;
const clockValues = new Set();
class FakeDate extends RealDate {
  constructor(...a) { if (a.length === 0) super(clock); else super(...a); }
  static now() { return clock; }
}
globalThis.Date = FakeDate;

// ---------------------------------------------------------------- driver-level capture
const mysql2 = require('mysql2');
const captured = []; // { op, sql, params, outcome }
let currentOp = '(session setup)';
function outcomeOf(err, res) {
  if (err) return { error: err.code || err.name, errno: err.errno ?? null };
  if (Array.isArray(res)) return { rows: res.length };
  if (res && typeof res === 'object' && 'affectedRows' in res) return { affected: res.affectedRows, insertId: res.insertId };
  return { ok: true };
}
function wrap(conn) {
  for (const m of ['query', 'execute']) {
    const orig = conn[m];
    conn[m] = function (arg, ...rest) {
      const cb = typeof rest[rest.length - 1] === 'function' ? rest.pop() : null;
      const sql = typeof arg === 'string' ? arg : arg.sql;
      const params = rest.length ? rest[0] : (arg && typeof arg === 'object' && arg.values) || null;
      const rec = { op: /^SET time_zone = /.test(sql) ? '(session setup)' : currentOp, sql, params: params ?? null, outcome: null };
      captured.push(rec);
      if (!cb) return orig.call(this, arg, ...rest);
      return orig.call(this, arg, ...rest, (err, res, f) => { rec.outcome = outcomeOf(err, res); cb(err, res, f); });
    };
  }
  return conn;
}
const dialectModule = { ...mysql2, createConnection: (cfg) => wrap(mysql2.createConnection(cfg)) };

// ---------------------------------------------------------------- Sequelize + the back-end's models
const { Sequelize, DataTypes, Op, fn, col } = require('sequelize');
const logLines = [];
const sequelize = new Sequelize(DB, process.env.DB_USER || 'root', process.env.DB_PASSWORD || '', {
  host: process.env.DB_HOST || '127.0.0.1', port: Number(process.env.DB_PORT || 3306), dialect: 'mysql',
  dialectModule, pool: { max: 5, min: 0, idle: 2e9, evict: 2e9, acquire: 20000 }, logQueryParameters: true, benchmark: false,
  logging: (msg) => logLines.push(`[${currentOp}] ${msg}`),
});

// the same loading as back/src/models/index.js: every .js/.mjs file but index.js, factory(sequelize, DataTypes),
// then every model's associate(db)
const db = {};
for (const file of fs.readdirSync(MODELS_DIR).filter((f) => !f.startsWith('.') && f !== 'index.js' && /\.(m?js)$/.test(f)).sort()) {
  const mod = await import(pathToFileURL(path.join(MODELS_DIR, file)).href);
  const model = mod.default || mod;
  if (typeof model.init === 'function') db[model.name] = model.init(sequelize, DataTypes);
  else if (typeof model === 'function') { const m = model(sequelize, DataTypes); db[m.name] = m; }
}
for (const name of Object.keys(db)) if (db[name].associate) db[name].associate(db);
const { User, Movie, MovieJury, Vote, VoteHistory, Award, Categorie, Collaborator, Event, Reservation, Sponsor, NewsletterSubscriber } = db;

// ---------------------------------------------------------------- normalisation of results
function norm(v) {
  if (v === null || v === undefined) return v ?? null;
  if (v instanceof Sequelize.Model) return norm(v.get({ plain: true }));
  if (v instanceof RealDate) {
    if (Number.isNaN(v.getTime())) return '<invalid date>';
    return clockValues.has(v.getTime()) ? v.toISOString() : '<db-now>';
  }
  if (Buffer.isBuffer(v)) return 'x' + v.toString('hex');
  if (Array.isArray(v)) return v.map(norm);
  if (typeof v === 'object') { const o = {}; for (const k of Object.keys(v)) o[k] = norm(v[k]); return o; }
  return v;
}
const normMsg = (s) => String(s ?? '').replaceAll(DB, '<db>');
function errorOf(e) {
  const p = e.parent || e.original;
  return {
    class: e.name, code: p?.code ?? null, errno: p?.errno ?? null,
    message: normMsg(p?.sqlMessage || e.message),
    fields: e.fields ? norm(e.fields) : undefined,
    validation: e.errors ? e.errors.map((x) => `${x.path}: ${x.validatorKey || x.type}`) : undefined,
  };
}

// ---------------------------------------------------------------- the scripted sequence
const ctx = {};
const ops = [];
const op = (name, f) => ops.push({ name, f });
const plainAll = (rows) => rows.map((r) => r.get({ plain: true }));
const juryInclude = (attrs) => ({ model: User, as: 'Juries', attributes: attrs, through: { attributes: [] } });

// --- users (UserController / AuthController)
op('User.create admin', async () => (ctx.admin = await User.create({ first_name: 'Ada', last_name: 'Admin', email: 'admin@example.test', password: 'hash-admin', role: 'ADMIN' })));
op('User.create jury1 (job, known_by_mars_ai)', async () => (ctx.jury1 = await User.create({ first_name: 'Jules', last_name: 'Jury', email: 'jury1@example.test', password: 'hash-j1', role: 'JURY', job: 'DIRECTOR', known_by_mars_ai: 'Par un ami' })));
op('User.create jury2 (ENUM value with apostrophe)', async () => (ctx.jury2 = await User.create({ first_name: 'Jeanne', last_name: 'Jury', email: 'jury2@example.test', password: 'hash-j2', role: 'JURY', known_by_mars_ai: "Via le site internet ou application de l'IA" })));
op('User.create jury3', async () => (ctx.jury3 = await User.create({ first_name: 'Jim', last_name: 'Jury', email: 'jury3@example.test', password: 'hash-j3', role: 'JURY', known_by_mars_ai: 'Vu une publicité du festival' })));
op('User.create producer (role default)', async () => (ctx.producer = await User.create({ first_name: 'Paul', last_name: 'Producer', email: 'producer@example.test', password: 'hash-p', birth_date: new Date('1990-05-17T00:00:00Z') })));
op('User.findByPk producer (role default read back)', async () => User.findByPk(ctx.producer.id_user));
op('User.create duplicate email (unique)', async () => User.create({ first_name: 'X', last_name: 'Y', email: 'jury1@example.test', password: 'h', role: 'JURY' }));
op('User.create invalid role (ENUM)', async () => User.create({ first_name: 'X', last_name: 'Y', email: 'x@example.test', password: 'h', role: 'GUEST' }));
op('User.create missing password (NOT NULL, model validation)', async () => User.create({ first_name: 'X', last_name: 'Y', email: 'x2@example.test' }));
op('User.findOne by email (login)', async () => User.findOne({ where: { email: 'jury1@example.test' } }));
op('User.findAll', async () => User.findAll());
op('User.count role JURY', async () => User.count({ where: { role: 'JURY' } }));
op('user.save (updateUser: first_name, role)', async () => { const u = await User.findOne({ where: { id_user: ctx.jury3.id_user } }); u.first_name = 'Jimmy'; u.role = 'JURY'; u.job = 'WRITER'; return u.save(); });

// --- movies, categories, collaborators (MovieController.createMovie / updateMovie)
op('Movie.create m1 (createMovie)', async () => (ctx.m1 = await Movie.create({ title: 'First Light', description: 'A short film', duration: 90, main_language: 'fr', release_year: 2025, nationality: 'FR', synopsis: 'A short film', synopsis_anglais: 'A short film (en)', ai_tool: 'tool-a', production: 'full-ai', workshop: 'method', translation: 'en', picture1: 'p1.png', thumbnail: 'p1.png', trailer: 'film.mp4', youtube_link: 'https://example.test/v1', id_user: ctx.producer.id_user })));
op('Movie.create m2', async () => (ctx.m2 = await Movie.create({ title: 'Second Wind', description: 'Another', duration: 60, id_user: ctx.producer.id_user })));
op('Movie.create m3 (by jury3)', async () => (ctx.m3 = await Movie.create({ title: 'Third Eye', description: 'Third', duration: 30, id_user: ctx.jury3.id_user })));
op('Movie.create unknown id_user (FK)', async () => Movie.create({ title: 'Orphan', description: 'x', duration: 10, id_user: 9999 }));
op('Movie.create invalid selection_status (ENUM)', async () => Movie.create({ title: 'Bad', duration: 10, id_user: ctx.producer.id_user, selection_status: 'pending' }));
op('Movie.findByPk m1', async () => Movie.findByPk(ctx.m1.id_movie));
op('movie.update (updateMovie: admin_comment, youtube_status)', async () => { const m = await Movie.findByPk(ctx.m1.id_movie); return m.update({ admin_comment: 'ok for review', youtube_status: 'uploaded', youtube_movie_id: 'yt-1' }); });
op('Categorie.create x2', async () => { ctx.c1 = await Categorie.create({ name: 'Drama' }); ctx.c2 = await Categorie.create({ name: 'Sci-Fi' }); return [ctx.c1, ctx.c2]; });
op('Categorie.findOne by name / findAll', async () => [await Categorie.findOne({ where: { name: 'Drama' } }), await Categorie.findAll()]);
op('movie.setCategories (createMovie / updateMovieCategories)', async () => { const m = await Movie.findByPk(ctx.m1.id_movie); await m.setCategories([ctx.c1.id_categorie, ctx.c2.id_categorie]); return Movie.findByPk(ctx.m1.id_movie, { include: [{ model: Categorie, through: { attributes: [] } }] }); });
op('movie.setCategories replace with one', async () => { const m = await Movie.findByPk(ctx.m1.id_movie); await m.setCategories([ctx.c2.id_categorie]); return m.getCategories({ joinTableAttributes: [] }); });
op('Collaborator.findOrCreate (created)', async () => { const [r, created] = await Collaborator.findOrCreate({ where: { email: 'col1@example.test' }, defaults: { first_name: 'Cleo', last_name: 'Collab', email: 'col1@example.test', job: null } }); ctx.col1 = r; return { created, r }; });
op('Collaborator.findOrCreate (found) + update', async () => { const [r, created] = await Collaborator.findOrCreate({ where: { email: 'col1@example.test' }, defaults: { first_name: 'Other', last_name: 'Other', email: 'col1@example.test' } }); await r.update({ job: 'Editor' }); return { created, r }; });
op('Collaborator.create without last_name (NOT NULL in table only)', async () => Collaborator.create({ first_name: 'No', email: 'col2@example.test' }));
op('movie.setCollaborators', async () => { const m = await Movie.findByPk(ctx.m1.id_movie); await m.setCollaborators([ctx.col1]); return Movie.findByPk(ctx.m1.id_movie, { include: [{ model: Collaborator, through: { attributes: [] } }] }); });

// --- jury assignment: MovieJury model and the Juries / JuryMovies associations (updateMovieJuries)
op('MovieJury.create m1 jury1', async () => MovieJury.create({ id_movie: ctx.m1.id_movie, id_user: ctx.jury1.id_user }));
op('MovieJury.create m1 jury2 (second jury, same movie)', async () => MovieJury.create({ id_movie: ctx.m1.id_movie, id_user: ctx.jury2.id_user }));
op('MovieJury.create m1 jury1 again (duplicate: unique_movies_jury)', async () => MovieJury.create({ id_movie: ctx.m1.id_movie, id_user: ctx.jury1.id_user }));
op('MovieJury.create unknown movie (FK)', async () => MovieJury.create({ id_movie: 9999, id_user: ctx.jury1.id_user }));
op('MovieJury.create unknown user (FK)', async () => MovieJury.create({ id_movie: ctx.m1.id_movie, id_user: 9999 }));
op('MovieJury.findOne (createOrUpdateMyVote assignment check)', async () => MovieJury.findOne({ where: { id_movie: ctx.m1.id_movie, id_user: ctx.jury1.id_user } }));
op('MovieJury.findOne not assigned', async () => MovieJury.findOne({ where: { id_movie: ctx.m1.id_movie, id_user: ctx.jury3.id_user } }));
op('MovieJury.findAll for m1', async () => MovieJury.findAll({ where: { id_movie: ctx.m1.id_movie }, order: [['id_movie_jury', 'ASC']] }));
op('movie.getJuries (association list)', async () => { const m = await Movie.findByPk(ctx.m1.id_movie); return m.getJuries({ order: [['id_user', 'ASC']] }); });
op('movie.countJuries / hasJury', async () => { const m = await Movie.findByPk(ctx.m1.id_movie); return { count: await m.countJuries(), has1: await m.hasJury(ctx.jury1.id_user), has3: await m.hasJury(ctx.jury3.id_user) }; });
op('user.getJuryMovies', async () => { const u = await User.findByPk(ctx.jury1.id_user); return u.getJuryMovies({ joinTableAttributes: ['id_movie', 'id_user'] }); });
op('Movie.findByPk include Juries (getMovieById)', async () => Movie.findByPk(ctx.m1.id_movie, { include: [
  { model: Categorie, through: { attributes: [] } }, { model: Collaborator, through: { attributes: [] } }, { model: Award, required: false },
  { model: User, as: 'Producer', attributes: ['id_user', 'first_name', 'last_name'] },
  { model: User, as: 'NominatorJury', attributes: ['id_user', 'first_name', 'last_name', 'email'], required: false },
  juryInclude(['id_user', 'first_name', 'last_name', 'email', 'role']) ] }));
op('updateMovieJuries m2 [jury1, jury2, producer]', async () => {
  const movie = await Movie.findByPk(ctx.m2.id_movie);
  const juries = await User.findAll({ where: { id_user: [ctx.jury1.id_user, ctx.jury2.id_user, ctx.producer.id_user], role: 'JURY' } });
  await movie.setJuries(juries);
  if (juries.length > 0 && !['to_discuss', 'candidate', 'selected', 'finalist', 'awarded', 'refused'].includes(movie.selection_status)) { movie.selection_status = 'assigned'; await movie.save(); }
  return Movie.findByPk(ctx.m2.id_movie, { include: [juryInclude(['id_user', 'first_name', 'last_name', 'email', 'role'])] });
});
op('MovieJury.findAll for m2 (rows written by the through model)', async () => MovieJury.findAll({ where: { id_movie: ctx.m2.id_movie }, order: [['id_movie_jury', 'ASC']] }));
op('updateMovieJuries m2 [jury2, jury3] (replace)', async () => {
  const movie = await Movie.findByPk(ctx.m2.id_movie);
  const juries = await User.findAll({ where: { id_user: [ctx.jury2.id_user, ctx.jury3.id_user], role: 'JURY' } });
  await movie.setJuries(juries);
  return Movie.findByPk(ctx.m2.id_movie, { include: [juryInclude(['id_user', 'email'])] });
});
op('movie.addJury existing link (no-op) and new link', async () => { const m = await Movie.findByPk(ctx.m2.id_movie); await m.addJury(ctx.jury2.id_user); await m.addJury(ctx.jury1.id_user); return MovieJury.findAll({ where: { id_movie: ctx.m2.id_movie }, order: [['id_movie_jury', 'ASC']] }); });
op('movie.removeJury', async () => { const m = await Movie.findByPk(ctx.m2.id_movie); await m.removeJury(ctx.jury3.id_user); return MovieJury.findAll({ where: { id_movie: ctx.m2.id_movie }, order: [['id_movie_jury', 'ASC']] }); });
op('user.addJuryMovie m3 (through the other side)', async () => { const u = await User.findByPk(ctx.jury1.id_user); await u.addJuryMovie(ctx.m3.id_movie); return u.getJuryMovies({ joinTableAttributes: [], order: [['id_movie', 'ASC']] }); });
op('MovieJury.update / destroy (model level)', async () => { const r = await MovieJury.findOne({ where: { id_movie: ctx.m3.id_movie, id_user: ctx.jury1.id_user } }); await r.update({ id_user: ctx.jury3.id_user }); const n = await MovieJury.destroy({ where: { id_movie: ctx.m3.id_movie } }); return { updated: r, destroyed: n }; });
op('MovieJury.update into duplicate (unique)', async () => MovieJury.update({ id_user: ctx.jury1.id_user }, { where: { id_movie: ctx.m1.id_movie, id_user: ctx.jury2.id_user } }));
op('updateMovieStatus m1 -> assigned, m2 -> to_discuss', async () => {
  const m1 = await Movie.findByPk(ctx.m1.id_movie, { include: [{ model: User, as: 'Producer', attributes: ['email', 'first_name'] }] });
  m1.selection_status = 'assigned'; await m1.save();
  const m2 = await Movie.findByPk(ctx.m2.id_movie, { include: [{ model: User, as: 'Producer', attributes: ['email', 'first_name'] }] });
  m2.selection_status = 'to_discuss'; m2.jury_comment = 'second round'; await m2.save();
  return [m1, m2];
});
op('getAssignedMovies for jury2 (required Juries where)', async () => Movie.findAll({
  where: { selection_status: { [Op.in]: ['assigned', 'to_discuss', 'candidate', 'selected', 'finalist'] } },
  include: [{ model: Categorie, through: { attributes: [] } }, { model: Collaborator, through: { attributes: [] } }, { model: Award, required: false },
    { model: User, as: 'Producer', attributes: ['id_user', 'first_name', 'last_name', 'known_by_mars_ai'] },
    { model: User, as: 'NominatorJury', attributes: ['id_user', 'first_name', 'last_name', 'email'], required: false },
    { ...juryInclude(['id_user', 'first_name', 'last_name', 'email', 'role']), where: { id_user: ctx.jury2.id_user } }],
  order: [['id_movie', 'ASC']] }));
op('getMovies (public list, all includes)', async () => Movie.findAll({ include: [
  { model: Categorie, through: { attributes: [] } }, { model: Collaborator, through: { attributes: [] } }, { model: Award, required: false },
  { model: User, as: 'Producer', attributes: ['id_user', 'first_name', 'last_name'] },
  { model: User, as: 'NominatorJury', attributes: ['id_user', 'first_name', 'last_name'], required: false },
  { ...juryInclude(['id_user', 'first_name', 'last_name', 'email', 'role']), required: false }], order: [['id_movie', 'ASC']] }));

// --- votes (VoteController)
op('Vote.findOne none yet (createVote check)', async () => Vote.findOne({ where: { id_movie: ctx.m1.id_movie, id_user: ctx.jury1.id_user } }));
op('Vote.create YES m1 jury1 (createVote)', async () => (ctx.v1 = await Vote.create({ note: 'YES', comments: 'great', id_movie: ctx.m1.id_movie, id_user: ctx.jury1.id_user })));
op('Vote.findByPk v1 (defaults read back: decision, modification_count)', async () => Vote.findByPk(ctx.v1.id_vote));
op('Vote.create TO DISCUSS m1 jury2 (createOrUpdateMyVote new)', async () => (ctx.v2 = await Vote.create({ note: 'TO DISCUSS', comments: 'hmm', id_movie: ctx.m1.id_movie, id_user: ctx.jury2.id_user, modification_count: 0 })));
op('Vote.create NO m2 jury2', async () => (ctx.v3 = await Vote.create({ note: 'NO', comments: null, id_movie: ctx.m2.id_movie, id_user: ctx.jury2.id_user })));
op('Vote.create second vote same movie+user (no unique key)', async () => (ctx.v4 = await Vote.create({ note: 'NO', id_movie: ctx.m1.id_movie, id_user: ctx.jury1.id_user })));
op('Vote.create invalid note (ENUM)', async () => Vote.create({ note: 'MAYBE', id_movie: ctx.m1.id_movie, id_user: ctx.jury1.id_user }));
op('Vote.create invalid decision (ENUM)', async () => Vote.create({ note: 'YES', decision: 'approved', id_movie: ctx.m1.id_movie, id_user: ctx.jury1.id_user }));
op('Vote.create unknown user (FK)', async () => Vote.create({ note: 'YES', id_movie: ctx.m1.id_movie, id_user: 9999 }));
op('Vote.create unknown movie (FK)', async () => Vote.create({ note: 'YES', id_movie: 9999, id_user: ctx.jury1.id_user }));
op('createOrUpdateMyVote m1 jury2: assigned, changed -> history + save', async () => {
  const id_movie = ctx.m1.id_movie, id_user = ctx.jury2.id_user, note = 'YES', comments = ' now yes ';
  const assigned = await MovieJury.findOne({ where: { id_movie, id_user } });
  const movie = await Movie.findByPk(id_movie);
  const existingVote = await Vote.findOne({ where: { id_movie, id_user } });
  const normalizedComment = String(comments || '').trim();
  const hasChanges = existingVote.note !== note || String(existingVote.comments || '').trim() !== normalizedComment;
  const isSecondVote = ['to_discuss', 'selected', 'finalist'].includes(movie.selection_status);
  let h = null;
  if (isSecondVote || hasChanges) h = await VoteHistory.create({ id_vote: existingVote.id_vote, id_movie, id_user, note: existingVote.note, comments: existingVote.comments });
  if (isSecondVote) existingVote.modification_count = (existingVote.modification_count || 0) + 1;
  existingVote.note = note; existingVote.comments = normalizedComment; await existingVote.save();
  return { assigned: !!assigned, status: movie.selection_status, history: h, vote: existingVote };
});
op('createOrUpdateMyVote m2 jury2: to_discuss (second vote) -> history + modification_count', async () => {
  const id_movie = ctx.m2.id_movie, id_user = ctx.jury2.id_user, note = 'TO DISCUSS', comments = 'second look';
  const assigned = await MovieJury.findOne({ where: { id_movie, id_user } });
  const movie = await Movie.findByPk(id_movie);
  const existingVote = await Vote.findOne({ where: { id_movie, id_user } });
  const isSecondVote = ['to_discuss', 'selected', 'finalist'].includes(movie.selection_status);
  const h = await VoteHistory.create({ id_vote: existingVote.id_vote, id_movie, id_user, note: existingVote.note, comments: existingVote.comments });
  if (isSecondVote) existingVote.modification_count = (existingVote.modification_count || 0) + 1;
  existingVote.note = note; existingVote.comments = comments; await existingVote.save();
  return { assigned: !!assigned, history: h, vote: existingVote };
});
op('setVoteDecision v1 accepted', async () => { const v = await Vote.findOne({ where: { id_vote: ctx.v1.id_vote } }); v.decision = 'accepted'; return v.save(); });
op('setVoteDecision v2 rejected', async () => { const v = await Vote.findOne({ where: { id_vote: ctx.v2.id_vote } }); v.decision = 'rejected'; return v.save(); });
op('Vote.update decision back to pending (bulk update)', async () => Vote.update({ decision: 'pending' }, { where: { id_vote: ctx.v4.id_vote } }));
op('Vote.update invalid decision (ENUM)', async () => Vote.update({ decision: 'maybe' }, { where: { id_vote: ctx.v4.id_vote } }));
op('Vote.findAll decisions read back', async () => Vote.findAll({ attributes: ['id_vote', 'note', 'decision', 'modification_count'], order: [['id_vote', 'ASC']] }));
op('updateVote v3 (note, empty comments)', async () => { const v = await Vote.findOne({ where: { id_vote: ctx.v3.id_vote } }); v.note = 'YES'; v.comments = ''; return v.save(); });
op('getVoteById', async () => Vote.findOne({ where: { id_vote: ctx.v3.id_vote } }));

// --- vote histories
op('VoteHistory.create note YES', async () => VoteHistory.create({ id_vote: ctx.v1.id_vote, id_user: ctx.jury1.id_user, id_movie: ctx.m1.id_movie, note: 'YES', comments: 'h-yes' }));
op('VoteHistory.create note NO', async () => VoteHistory.create({ id_vote: ctx.v1.id_vote, id_user: ctx.jury1.id_user, id_movie: ctx.m1.id_movie, note: 'NO', comments: 'h-no' }));
op('VoteHistory.create note TO DISCUSS', async () => VoteHistory.create({ id_vote: ctx.v1.id_vote, id_user: ctx.jury1.id_user, id_movie: ctx.m1.id_movie, note: 'TO DISCUSS', comments: null }));
op('VoteHistory.create invalid note (ENUM)', async () => VoteHistory.create({ id_vote: ctx.v1.id_vote, id_user: ctx.jury1.id_user, id_movie: ctx.m1.id_movie, note: 'MAYBE' }));
op('VoteHistory.create without note (model validation)', async () => VoteHistory.create({ id_vote: ctx.v1.id_vote, id_user: ctx.jury1.id_user, id_movie: ctx.m1.id_movie }));
op('VoteHistory.create unknown vote (FK)', async () => VoteHistory.create({ id_vote: 9999, id_user: ctx.jury1.id_user, id_movie: ctx.m1.id_movie, note: 'NO' }));
op('VoteHistory.create unknown user + movie (no FK on them)', async () => (ctx.hOrphan = await VoteHistory.create({ id_vote: ctx.v1.id_vote, id_user: 9998, id_movie: 9997, note: 'NO' })));
op('VoteHistory.findAll for v1 ordered', async () => VoteHistory.findAll({ where: { id_vote: ctx.v1.id_vote }, order: [['createdAt', 'ASC'], ['id_vote_history', 'ASC']] }));
op('vote.getHistory', async () => { const v = await Vote.findByPk(ctx.v2.id_vote); return v.getHistory(); });
op('VoteHistory.findAll include Vote, User, Movie', async () => VoteHistory.findAll({ include: [{ model: Vote }, { model: User, attributes: ['id_user', 'email'] }, { model: Movie, attributes: ['id_movie', 'title'] }], order: [['id_vote_history', 'ASC']] }));
op('VoteHistory.update note / destroy orphan', async () => { const h = await VoteHistory.findByPk(ctx.hOrphan.id_vote_history); await h.update({ note: 'TO DISCUSS', comments: 'edited' }); const again = await VoteHistory.findByPk(ctx.hOrphan.id_vote_history); await again.destroy(); return again; });
op('getVote (findAll include User, Movie, history separate)', async () => Vote.findAll({ include: [
  { model: User, attributes: ['id_user', 'first_name', 'last_name', 'email'], required: false }, { model: Movie, attributes: ['id_movie', 'title'], required: false },
  { model: VoteHistory, as: 'history', required: false, separate: true, order: [['createdAt', 'ASC']] }], order: [['id_vote', 'ASC']] }));
op('getMyVotes jury1', async () => Vote.findAll({ where: { id_user: ctx.jury1.id_user }, include: [{ model: Movie, attributes: ['id_movie', 'title'], required: false },
  { model: VoteHistory, as: 'history', required: false, separate: true, order: [['createdAt', 'ASC']] }], order: [['id_vote', 'ASC']] }));
op('getMyVoteByMovie jury2 m2', async () => Vote.findOne({ where: { id_user: ctx.jury2.id_user, id_movie: ctx.m2.id_movie }, include: [{ model: Movie, attributes: ['id_movie', 'title'], required: false },
  { model: VoteHistory, as: 'history', required: false, separate: true, order: [['createdAt', 'ASC']] }] }));
op('promoteMovieToCandidateByJury m2 by jury2', async () => {
  const movie = await Movie.findByPk(ctx.m2.id_movie, { include: [{ model: User, as: 'Juries', attributes: ['id_user'], through: { attributes: [] }, required: false }] });
  const assigned = (movie.Juries || []).some((j) => j.id_user === ctx.jury2.id_user);
  if (!assigned || movie.selection_status !== 'to_discuss') return { assigned, status: movie.selection_status };
  movie.selection_status = 'selected'; movie.assigned_jury_id = ctx.jury2.id_user; movie.jury_comment = 'nominate'; await movie.save();
  return Movie.findByPk(ctx.m2.id_movie, { include: [{ model: User, as: 'NominatorJury', attributes: ['id_user', 'email'] }] });
});
op('Movie.update unknown assigned_jury_id (FK)', async () => Movie.update({ assigned_jury_id: 9999 }, { where: { id_movie: ctx.m3.id_movie } }));
op('user.getProposedMovies / getMovies / getVotes', async () => { const u = await User.findByPk(ctx.jury2.id_user); const p = await User.findByPk(ctx.producer.id_user); return { proposed: await u.getProposedMovies(), votes: await u.getVotes({ order: [['id_vote', 'ASC']] }), produced: await p.getMovies({ order: [['id_movie', 'ASC']] }) }; });

// --- dashboard (DashboardController.getAdminStats)
op('dashboard counts', async () => {
  const today = new Date(); today.setHours(0, 0, 0, 0);
  const r = {};
  r.users = await User.count(); r.movies = await Movie.count(); r.votes = await Vote.count(); r.awards = await Award.count(); r.categories = await Categorie.count();
  r.jury = await User.count({ where: { role: 'JURY' } });
  r.newToday = await User.count({ where: { createdAt: { [Op.gte]: today } } });
  r.evaluated = await Vote.count({ distinct: true, col: 'id_movie' });
  r.selected = await Movie.count({ where: { selection_status: 'selected' } });
  r.yes = await Vote.count({ where: { note: 'YES' } }); r.no = await Vote.count({ where: { note: 'NO' } }); r.toDiscuss = await Vote.count({ where: { note: 'TO DISCUSS' } });
  const juryIds = (await User.findAll({ where: { role: 'JURY' }, attributes: ['id_user'] })).map((u) => u.id_user);
  r.juryWhoVoted = await Vote.count({ distinct: true, col: 'id_user', where: { id_user: { [Op.in]: juryIds } } });
  return r;
});
op('dashboard votes trend + pipeline (group by)', async () => {
  const last7Days = new Date(); last7Days.setDate(last7Days.getDate() - 6);
  const trend = await Vote.findAll({ attributes: [[fn('DATE', col('createdAt')), 'date'], [fn('COUNT', col('id_vote')), 'count']], where: { createdAt: { [Op.gte]: last7Days } }, group: [fn('DATE', col('createdAt'))], order: [[fn('DATE', col('createdAt')), 'ASC']] });
  const pipeline = await Movie.findAll({ attributes: ['selection_status', [fn('COUNT', col('id_movie')), 'count']], group: ['selection_status'], order: [['selection_status', 'ASC']] });
  return { trend: trend.map((v) => ({ date: String(v.get('date')), count: Number(v.get('count')) })), pipeline: pipeline.map((p) => ({ s: p.selection_status, n: Number(p.get('count')) })) };
});

// --- awards (AwardController)
op('Award.create + movie.update awarded (createAward)', async () => { const movie = await Movie.findByPk(ctx.m1.id_movie); ctx.a1 = await Award.create({ id_movie: ctx.m1.id_movie, award_name: 'Grand Prix' }); await movie.update({ selection_status: 'awarded' }); return [ctx.a1, movie]; });
op('Award.create without award_name (NOT NULL in table only)', async () => Award.create({ id_movie: ctx.m1.id_movie }));
op('Award.create unknown movie (FK)', async () => Award.create({ id_movie: 9999, award_name: 'Nope' }));
op('Award.findAll / findOne by name / movie.getAwards', async () => [await Award.findAll(), await Award.findOne({ where: { award_name: 'Grand Prix' } }), await (await Movie.findByPk(ctx.m1.id_movie)).getAwards()]);
op('phase3Movies (awarded, include Award)', async () => Movie.findAll({ where: { selection_status: 'awarded' }, include: [{ model: Award, required: false }], order: [['createdAt', 'DESC']] }));
op('Award.update / Award.destroy', async () => { const a = await Award.findOne({ where: { id_award: ctx.a1.id_award } }); await a.update({ award_name: 'Jury Prize' }); await Award.create({ id_movie: ctx.m1.id_movie, award_name: 'Audience' }); return { a, destroyed: await Award.destroy({ where: { id_award: ctx.a1.id_award } }) }; });

// --- events, reservations (their model no longer matches the events table in either database)
op('Event.create (model columns vs table)', async () => Event.create({ name: 'Opening', description: 'x', start_date: new Date('2026-06-01T18:00:00Z'), end_date: new Date('2026-06-01T22:00:00Z'), location: 'Marseille', event_type: 'MEETUP' }));
op('Event.findAll', async () => Event.findAll());
op('Reservation.findAll', async () => Reservation.findAll());
op('Reservation.create unknown event (FK)', async () => Reservation.create({ id_event: 9999, first_name: 'R', last_name: 'S', email: 'r@example.test', number_seats: 2 }));
op('Reservation.findAll include Event', async () => Reservation.findAll({ include: [Event] }));

// --- sponsors, newsletter
op('Sponsor.create / findAll / findByPk / update', async () => { const s = await Sponsor.create({ name: 'Acme', logo: 'acme.png', url: 'https://acme.example', category: 'gold' }); ctx.s1 = s; const all = await Sponsor.findAll({ order: [['createdAt', 'DESC']] }); const one = await Sponsor.findByPk(s.id_sponsor); await one.update({ category: 'silver' }); return { all, one }; });
op('Sponsor.create without logo (model validation)', async () => Sponsor.create({ name: 'NoLogo' }));
op('Sponsor.destroy', async () => { const s = await Sponsor.findByPk(ctx.s1.id_sponsor); await s.destroy(); return Sponsor.count(); });
op('NewsletterSubscriber.findOrCreate (created, FILM_CANDIDACY)', async () => { const [s, created] = await NewsletterSubscriber.findOrCreate({ where: { email: 'producer@example.test' }, defaults: { email: 'producer@example.test', first_name: 'Paul', last_name: 'Producer', source: 'FILM_CANDIDACY', is_active: true } }); return { created, s }; });
op('NewsletterSubscriber.findOrCreate (found) + save', async () => { const [s, created] = await NewsletterSubscriber.findOrCreate({ where: { email: 'producer@example.test' }, defaults: { email: 'producer@example.test' } }); s.is_active = false; s.source = 'PUBLIC'; await s.save(); return { created, s: await NewsletterSubscriber.findByPk(s.id_subscriber) }; });
op('NewsletterSubscriber.create default source + read back', async () => { const s = await NewsletterSubscriber.create({ email: 'public@example.test' }); return NewsletterSubscriber.findByPk(s.id_subscriber); });
op('NewsletterSubscriber.create duplicate email (unique)', async () => NewsletterSubscriber.create({ email: 'public@example.test' }));

// --- transactions (AuthController.register)
op('transaction rollback (register: User + Movie + collaborators)', async () => {
  const t = await sequelize.transaction();
  try {
    const u = await User.create({ first_name: 'T', last_name: 'Rollback', email: 'rollback@example.test', password: 'h', role: 'PRODUCER' }, { transaction: t });
    const m = await Movie.create({ title: 'Rolled back', description: 'x', duration: 20, id_user: u.id_user }, { transaction: t });
    const [c] = await Collaborator.findOrCreate({ where: { email: 'col1@example.test' }, defaults: { first_name: 'A', last_name: 'B', email: 'col1@example.test' }, transaction: t });
    await m.setCollaborators([c], { transaction: t });
    await t.rollback();
  } catch (e) { await t.rollback(); throw e; }
  return { users: await User.count({ where: { email: 'rollback@example.test' } }), movies: await Movie.count({ where: { title: 'Rolled back' } }) };
});
op('transaction commit (register)', async () => {
  const t = await sequelize.transaction();
  try {
    const u = await User.create({ first_name: 'T', last_name: 'Commit', email: 'commit@example.test', password: 'h', role: 'PRODUCER' }, { transaction: t });
    ctx.m4 = await Movie.create({ title: 'Committed', description: 'x', duration: 20, id_user: u.id_user }, { transaction: t });
    await t.commit();
  } catch (e) { await t.rollback(); throw e; }
  return Movie.findByPk(ctx.m4.id_movie);
});

// --- deletes and cascades
const counts = async () => ({ users: await User.count(), movies: await Movie.count(), movies_juries: await MovieJury.count(), votes: await Vote.count(), vote_histories: await VoteHistory.count(), awards: await Award.count(), categories: await Categorie.count(), collaborators: await Collaborator.count() });
op('counts before deletes', counts);
op('deleteVote v1 (cascade vote_histories)', async () => ({ deleted: await Vote.destroy({ where: { id_vote: ctx.v1.id_vote } }), histories_v1: await VoteHistory.count({ where: { id_vote: ctx.v1.id_vote } }) }));
op('deleteVotesByMovie m2', async () => ({ deleted: await Vote.destroy({ where: { id_movie: ctx.m2.id_movie } }), histories_m2: await VoteHistory.count({ where: { id_movie: ctx.m2.id_movie } }) }));
op('movie.destroy m1 (cascade juries, votes, histories, awards, links)', async () => { const m = await Movie.findByPk(ctx.m1.id_movie); await m.destroy(); return { ...(await counts()), links: await sequelize.models.movies_categories.count(), collab_links: await sequelize.models.collaborators_movies.count() }; });
op('User.destroy jury2 (nominator of m2: SET NULL; juries cascade)', async () => { const n = await User.destroy({ where: { id_user: ctx.jury2.id_user } }); return { n, m2: await Movie.findByPk(ctx.m2.id_movie, { attributes: ['id_movie', 'assigned_jury_id', 'selection_status'] }), juries: await MovieJury.findAll({ order: [['id_movie_jury', 'ASC']] }) }; });
op('Categorie.destroy (cascade movies_categories)', async () => { const c = await Categorie.findByPk(ctx.c2.id_categorie); await c.destroy(); return Categorie.findAll(); });
op('User.destroy producer (cascade movies)', async () => { const n = await User.destroy({ where: { id_user: ctx.producer.id_user } }); return { n, ...(await counts()) }; });
op('final state: every model findAll', async () => {
  const r = {};
  for (const [name, m] of Object.entries(db).sort()) {
    try { r[name] = plainAll(await m.findAll({ order: [[m.primaryKeyAttribute, 'ASC']] })); } catch (e) { r[name] = { error: errorOf(e) }; }
  }
  return r;
});

// ---------------------------------------------------------------- run
const results = [];
for (let i = 0; i < ops.length; i++) {
  const { name, f } = ops[i];
  clock = BASE + (i + 1) * 60000;
  clockValues.add(clock);
  currentOp = `${String(i + 1).padStart(3, '0')} ${name}`;
  const first = captured.length;
  let rec;
  try {
    const value = await f();
    rec = { op: currentOp, ok: true, result: norm(value) };
  } catch (e) {
    if (!(e instanceof Sequelize.BaseError)) { console.error(currentOp, e); }
    rec = { op: currentOp, ok: false, error: errorOf(e) };
  }
  rec.statements = captured.length - first;
  results.push(rec);
  if (process.env.VERBOSE) console.error(currentOp, rec.ok ? 'ok' : `FAIL ${rec.error.class} ${rec.error.code || ''} ${rec.error.message.slice(0, 120)}`);
}
currentOp = '(end)';
await sequelize.close();
globalThis.Date = RealDate;

// ---------------------------------------------------------------- outputs
fs.writeFileSync(OUT_JSON, JSON.stringify({ database: '<db>', models: Object.keys(db).sort(), operations: results }, null, 2) + '\n');
if (OUT_LOG) fs.writeFileSync(OUT_LOG, logLines.join('\n') + '\n');

// literal SQL: '?' placeholders (outside quotes and identifiers) replaced by the bound values
function literal(v) {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (v instanceof RealDate) throw new Error('unexpected Date parameter');
  if (Buffer.isBuffer(v)) return "X'" + v.toString('hex') + "'";
  const s = String(v);
  if (/[\\\0\n\r\x1a]/.test(s)) throw new Error('value needs backslash escaping: ' + JSON.stringify(s));
  return "'" + s.replace(/'/g, "''") + "'";
}
function inline(sql, params) {
  if (!params || params.length === 0) return sql;
  let out = '', k = 0, q = null;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (q) { out += ch; if (ch === '\\' && q !== '`') { out += sql[++i]; } else if (ch === q) q = null; continue; }
    if (ch === "'" || ch === '"' || ch === '`') { q = ch; out += ch; continue; }
    if (ch === '?') { if (k >= params.length) throw new Error('too few parameters for ' + sql); out += literal(params[k++]); continue; }
    out += ch;
  }
  if (k !== params.length) throw new Error(`parameter count mismatch (${k}/${params.length}) in ${sql}`);
  return out;
}
// Sequelize names savepoints after a random transaction id: stable names instead, in order of appearance
const uuids = new Map();
const stableNames = (sql) => sql.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (u) => { if (!uuids.has(u)) uuids.set(u, `tx${uuids.size + 1}`); return uuids.get(u); });
const expect = (o) => !o ? 'unknown' : o.error ? `error ${o.errno} ${o.error}` : 'rows' in o ? `ok rows=${o.rows}` : 'affected' in o ? `ok affected=${o.affected}${o.insertId ? ' insertId=' + o.insertId : ''}` : 'ok';
const sqlOut = [
  '-- model-operations.sql: DERIVED data, not upstream code. Every SQL statement the MarsAI back-end\'s Sequelize',
  '-- models (cdpi-25-26/marsai-groupe-2 @ eae32f7, sequelize 6.37.7 + mysql2 3.16.1) sent, operation by operation,',
  '-- in the scripted sequence of /work/ref2/models-check.mjs, run on a fresh database. Bound values are inlined as',
  '-- literals (strings with \'\' doubling, no backslash escapes); timestamps come from a fake clock.',
  '-- Replay from an empty schema (built by the library or by sequelize-cli) in this order, one connection,',
  '-- autocommit on. Before each statement, "-- expect:" gives the outcome observed when the models sent it',
  '-- (ok rows=N for a result set, ok affected=N [insertId=N], or error ERRNO CODE: the statement must fail).',
  '-- Operations with no statement failed in Sequelize\'s own validation before reaching the database.',
  '-- Affected-row counts were recorded without CLIENT_FOUND_ROWS (as Sequelize connects); for this sequence they are',
  '-- the same with it on (Connector/J\'s default): checked by replay.mjs. Savepoint names are made stable (txN).',
];
const byOp = new Map();
for (const c of captured) { if (!byOp.has(c.op)) byOp.set(c.op, []); byOp.get(c.op).push(c); }
const seenSetup = new Set();
for (const name of ['(session setup)', ...results.map((r) => r.op)]) {
  const stmts = (byOp.get(name) || []).filter((c) => {
    // Sequelize sends "SET time_zone" on every new connection: once in the setup block is enough
    if (name !== '(session setup)') return true;
    if (seenSetup.has(c.sql)) return false;
    seenSetup.add(c.sql); return true;
  });
  sqlOut.push('', `-- @ ${name}`);
  const r = results.find((x) => x.op === name);
  if (r && !r.ok) sqlOut.push(`-- operation fails: ${r.error.class}${r.error.code ? ' ' + r.error.code : ''}`);
  if (stmts.length === 0) sqlOut.push('-- (no statement sent)');
  for (const c of stmts) {
    const s = stableNames(inline(c.sql, c.params).trim());
    sqlOut.push(`-- expect: ${expect(c.outcome)}`, /;$/.test(s) ? s : s + ';');
  }
}
fs.writeFileSync(OUT_SQL, sqlOut.join('\n') + '\n');
console.error(`${DB}: ${results.length} operations, ${results.filter((r) => r.ok).length} succeeded, ${captured.length} statements`);
