/** The words of the export's pages, in the language the grown-up used in the pane. */
export type PageWords = Readonly<{
  lang: 'en' | 'es';
  title: (name: string) => string;
  savedOn: (date: string) => string;
  intro: string;
  conversations: string;
  noConversations: string;
  messagesCount: (n: number) => string;
  friends: string;
  noFriends: string;
  calls: string;
  noCalls: string;
  activity: string;
  data: string;
  dataNote: string;
  me: string;
  back: string;
  photo: string;
  voice: string;
  video: string;
  notOnThisPc: string;
  sticker: string;
  gif: string;
  game: string;
  /** Since 0.4.0: the games heading and one match's outcome (F9). */
  games: string;
  gameOutcome: Readonly<Record<string, string>>;
  call: (minutes: number) => string;
  summary: string;
  incoming: string;
  outgoing: string;
  videoCall: string;
  voiceCall: string;
  status: Readonly<Record<string, string>>;
  columns: Readonly<{ when: string; who: string; kind: string; what: string; status: string; since: string; minutes: string }>;
}>;

export const PAGE_WORDS: Readonly<Record<'en' | 'es', PageWords>> = {
  en: {
    lang: 'en',
    title: (name) => `${name}'s Hearth`,
    savedOn: (date) => `A copy saved on ${date}.`,
    intro:
      'Everything this computer holds of this child in Hearth, and what the relay holds about them. It opens without the internet.',
    conversations: 'Conversations',
    noConversations: 'No messages on this computer.',
    messagesCount: (n) => (n === 1 ? '1 message' : `${n} messages`),
    friends: 'Friends and family',
    noFriends: 'No friends yet.',
    calls: 'Calls',
    noCalls: 'No calls on this computer.',
    activity: 'Activity',
    data: 'The data',
    dataNote:
      'The same information as files a computer can read: the data folder (JSON), the media folder (pictures, voice and video messages as stored) and manifest.json (a SHA-256 fingerprint of every file).',
    me: 'Me',
    back: 'Back to the start',
    photo: 'Photo',
    voice: 'Voice message',
    video: 'Video message',
    notOnThisPc: 'The file is not on this computer.',
    sticker: 'Sticker',
    gif: 'Moving picture',
    game: 'Game',
    games: 'Games',
    gameOutcome: { playing: 'not finished', won: 'won', lost: 'lost', draw: 'draw', finished: 'finished', abandoned: 'stopped' },
    call: (m) => `Call (${m} min)`,
    summary: 'Daily summary',
    incoming: 'in',
    outgoing: 'out',
    videoCall: 'video',
    voiceCall: 'voice',
    status: {
      requested: 'asked',
      'accepted-by-kid': 'waiting for a grown-up',
      active: 'friends',
      declined: 'declined',
      removed: 'removed',
      blocked: 'blocked',
    },
    columns: { when: 'When', who: 'Who', kind: 'Kind', what: 'What', status: 'Status', since: 'Since', minutes: 'Minutes' },
  },
  es: {
    lang: 'es',
    title: (name) => `El Hearth de ${name}`,
    savedOn: (date) => `Copia guardada el ${date}.`,
    intro:
      'Todo lo que esta computadora guarda de este niño o niña en Hearth, y lo que el servidor guarda sobre él o ella. Se abre sin internet.',
    conversations: 'Conversaciones',
    noConversations: 'No hay mensajes en esta computadora.',
    messagesCount: (n) => (n === 1 ? '1 mensaje' : `${n} mensajes`),
    friends: 'Amigos y familia',
    noFriends: 'Todavía no hay amigos.',
    calls: 'Llamadas',
    noCalls: 'No hay llamadas en esta computadora.',
    activity: 'Actividad',
    data: 'Los datos',
    dataNote:
      'La misma información en archivos que una computadora puede leer: la carpeta data (JSON), la carpeta media (fotos, mensajes de voz y de video tal como se guardaron) y manifest.json (una huella SHA-256 de cada archivo).',
    me: 'Yo',
    back: 'Volver al inicio',
    photo: 'Foto',
    voice: 'Mensaje de voz',
    video: 'Mensaje de video',
    notOnThisPc: 'El archivo no está en esta computadora.',
    sticker: 'Pegatina',
    gif: 'Imagen animada',
    game: 'Juego',
    games: 'Juegos',
    gameOutcome: {
      playing: 'sin terminar',
      won: 'ganó',
      lost: 'perdió',
      draw: 'empate',
      finished: 'terminado',
      abandoned: 'parado',
    },
    call: (m) => `Llamada (${m} min)`,
    summary: 'Resumen diario',
    incoming: 'recibida',
    outgoing: 'hecha',
    videoCall: 'video',
    voiceCall: 'voz',
    status: {
      requested: 'pedida',
      'accepted-by-kid': 'esperando a un adulto',
      active: 'amigos',
      declined: 'rechazada',
      removed: 'quitada',
      blocked: 'bloqueado',
    },
    columns: { when: 'Cuándo', who: 'Quién', kind: 'Tipo', what: 'Qué', status: 'Estado', since: 'Desde', minutes: 'Minutos' },
  },
};
