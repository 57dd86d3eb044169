export declare const en: {
    readonly pane: {
        readonly messages: {
            readonly lead: "What each of your children on this computer wrote to you, and your answers. Only their conversations with you are here; their chats with friends stay theirs.";
            readonly noChildren: "None of your children uses this computer.";
            readonly pick: "Whose messages";
            readonly with: "Messages between {{name}} and you";
            readonly none: "{{name}} has not written to you yet.";
            readonly fromChild: "{{name}}:";
            readonly fromYou: "You:";
            readonly notText: "A picture, sticker or recording.";
            readonly sending: "Sending…";
            readonly replyLabel: "Your answer to {{name}}";
            readonly send: "Send";
        };
        readonly activity: {
            readonly lead: "What each child on this computer did in the last 7 days. Your children can see this too.";
            readonly noChildren: "No children on this computer.";
            readonly none: "Nothing yet.";
            readonly caption: "Activity of {{name}}";
            readonly day: "Day";
            readonly minutes: "Minutes";
            readonly sent: "Sent";
            readonly received: "Received";
            readonly calls: "Calls";
            readonly people: "People";
        };
        readonly settings: {
            readonly autoLock: "Lock the grown-ups’ pane after";
            readonly minutes_one: "{{count}} minute";
            readonly minutes_other: "{{count}} minutes";
            readonly languageAuto: "Same as this computer";
            readonly readAloud: "Show read-aloud buttons on every screen, for children who cannot read yet";
            readonly relayOnlyCalls: "Send calls through the Hearth server, so no computer address reaches the other family";
            readonly changePassword: "Change the grown-ups’ password";
            readonly currentPassword: "Current password";
            readonly newPassword: "New password";
            readonly passwordSaved: "The new password is saved.";
            readonly parentMode: "Parent mode";
            readonly parentModeText: "This computer keeps you signed in so you can message your children. Leaving parent mode signs you out here.";
            readonly leaveParentMode: "Leave parent mode";
            readonly startParentModeText: "No children use this computer. Make it your own Hearth: stay signed in here and message your children.";
            readonly startParentMode: "Use parent mode here";
        };
        readonly later: {
            readonly soon: "Coming soon";
            readonly quietHours: {
                readonly title: "Quiet hours";
                readonly text: "Times when Hearth does not ring and messages wait until morning.";
            };
            readonly reports: {
                readonly title: "Reports";
                readonly text: "What your children reported, and who they blocked.";
            };
            readonly deleteExport: {
                readonly title: "Delete or export";
                readonly text: "Download all of a child’s data, or delete their account and everything in it.";
            };
        };
        readonly children: {
            readonly add: "Add a child";
            readonly onPc: "on this computer";
            readonly notOnPc: "not on this computer";
            readonly hasPictures: "secret pictures on";
            readonly rename: "Rename";
            readonly setPictures: "Set secret pictures";
            readonly changePictures: "Change secret pictures";
            readonly removePictures: "Turn off secret pictures";
            readonly picturesPrompt: "Tap 3 to 6 secret pictures for {{name}}, in order.";
            readonly picturesAgain: "Tap the same pictures again.";
            readonly picturesMismatch: "The pictures were not the same. Please start again.";
            readonly removeFromPc: "Remove from this computer";
            readonly removeConfirm: "Remove {{name}} from this computer? Their messages on this computer are deleted. Their account stays.";
            readonly removeYes: "Yes, remove";
            readonly addToPc: "Add to this computer";
        };
        readonly devices: {
            readonly title: "Computers";
            readonly none: "No computers yet.";
            readonly thisPc: "this computer";
            readonly details: "{{os}} · Hearth {{version}} · since {{date}} · {{language}} · {{zone}}";
            readonly children: "Used by {{names}}";
            readonly noChildren: "No children use it now.";
            readonly revoke: "Take this computer off Hearth";
            readonly revokeYes: "Yes, take it off";
            readonly revoked: "Taken off Hearth.";
        };
        readonly title: "Grown-ups";
        readonly backToKids: "Back";
        readonly lockNow: "Lock now";
        readonly unlockTitle: "Unlock the grown-ups’ pane";
        readonly unlockLead: "Enter the grown-ups’ password.";
        readonly password: "Grown-ups’ password";
        readonly unlock: "Unlock";
        readonly waitSeconds_one: "Please wait {{count}} second before trying again.";
        readonly waitSeconds_other: "Please wait {{count}} seconds before trying again.";
        readonly waitMinutes_one: "Too many wrong passwords. Please wait about {{count}} minute before trying again.";
        readonly waitMinutes_other: "Too many wrong passwords. Please wait about {{count}} minutes before trying again.";
        readonly account: {
            readonly title: "Use your Hearth account instead";
            readonly lead: "The grown-up who set up this computer can open the pane at once with their Hearth email and account password. It also ends the wait.";
            readonly show: "Use my Hearth account instead";
            readonly submit: "Sign in and unlock";
        };
        readonly signInTitle: "Sign in to your Hearth account";
        readonly signInLead: "Approving friends and managing children needs your Hearth account. You stay signed in on this computer for up to 4 hours, only while the pane is open, until you sign out or Hearth closes.";
        readonly signOut: "Sign out";
        readonly navLabel: "Grown-ups’ pane";
        readonly nav: {
            readonly requests: "Friend requests";
            readonly children: "Children and computers";
            readonly activity: "Activity";
            readonly computer: "Settings";
            readonly messages: "Messages to you";
            readonly later: "More";
        };
        readonly requests: {
            readonly none: "No friend requests yet.";
            readonly pair: "{{child}} and {{friend}}";
            readonly whoAsks: "{{friend}}’s grown-up is {{parent}}.";
            readonly group: {
                readonly mine: "Waiting for you";
                readonly kids: "Waiting for the children to say yes";
                readonly 'other-family': "Waiting for the other family";
                readonly active: "Friends";
                readonly blocked: "Blocked";
            };
            readonly stage: {
                readonly mine: "Both children said yes. Do you approve?";
                readonly kids: "The children have not both said yes yet.";
                readonly 'other-family': "You approved. Now {{friend}}’s grown-up needs to approve.";
                readonly active: "They can message and call each other.";
                readonly blocked: "{{child}} blocked {{friend}}.";
                readonly ended: "This friendship ended.";
            };
            readonly approve: "Approve";
            readonly decline: "Decline";
            readonly remove: "Remove friend";
            readonly block: "Block";
            readonly unblock: "Unblock";
        };
    };
    readonly forgot: {
        readonly link: "Forgot password?";
        readonly title: "A new password";
        readonly lead: "Type the email of your Hearth account. We will help you choose a new password.";
        readonly send: "Get a code";
        readonly cancel: "Back to sign-in";
        readonly sentEmail: "If this email has a Hearth account, we sent it a code. It can take a minute: look in the spam folder too.";
        readonly askOperator: "This Hearth server does not send email. Ask the person who runs it for a reset code. They run:";
        readonly operatorCommand: "npm run relay:admin -- reset-password --email {{email}}";
        readonly code: "Reset code";
        readonly codeHint: "6 digits";
        readonly newPassword: "New password for your Hearth account";
        readonly newPasswordAgain: "The new password again";
        readonly mismatch: "The two passwords are not the same.";
        readonly needBoth: "Type the new password twice to go on.";
        readonly needCode: "Type the 6-digit reset code to go on.";
        readonly whatHappens: "Saving the new password signs you out on every other computer and phone. The children’s computers keep working.";
        readonly save: "Save the new password";
        readonly differentEmail: "Use a different email";
        readonly doneTitle: "Your new password is saved";
        readonly done: "You are signed in here. Your other sessions were signed out: sign in again there with the new password. The children’s computers keep working as before.";
        readonly continue: "Continue";
    };
    readonly checkEmail: {
        readonly title: "Check your email";
        readonly lead: "We sent a 6-digit code to {{email}}. Type it here.";
        readonly spam: "It can take a minute. Look in the spam folder too.";
        readonly code: "Code from the email";
        readonly codeHint: "6 digits";
        readonly codeShort: "The code has 6 digits.";
        readonly needCode: "Type the 6-digit code from the email to go on.";
        readonly submit: "Continue";
        readonly resend: "Send the code again";
        readonly resendWait_one: "You can ask for a new code in {{count}} second.";
        readonly resendWait_other: "You can ask for a new code in {{count}} seconds.";
        readonly resent: "We sent a new code. Use the newest email.";
        readonly differentEmail: "Use a different email";
    };
    readonly grownUpChat: {
        readonly where: "{{name}} reads this in the grown-ups’ pane on this computer, or on their own computer.";
    };
    readonly backgrounds: {
        readonly preview: {
            readonly off: "No background";
            readonly picture: "My picture";
        };
        readonly notice: {
            readonly 'effects-quality-lowered': "Your background looks a little softer now, so the call stays smooth.";
            readonly 'effects-engine-switched': "Your background is working a different way now, so the call stays smooth.";
            readonly 'effects-turned-off': "This computer got too busy, so your background is off. Your friend can see your room now. Your call keeps going!";
            readonly 'effects-unavailable': "Backgrounds are not working right now. Your friend can see your room. Your call still works!";
            readonly 'effects-picture-unreadable': "That picture did not work. Try another one!";
        };
        readonly title: "My background";
        readonly intro: "Pick what your friends see behind you in a video call. Only you show up in front of it.";
        readonly mirror: "You, with your background";
        readonly pick: "Pick a background";
        readonly off: "None";
        readonly blur: "Blurry";
        readonly bundled: {
            readonly sunset: "Sunset";
            readonly ocean: "Ocean";
            readonly space: "Space";
            readonly meadow: "Meadow";
        };
        readonly myPictureN: "My picture {{n}}";
        readonly myPictures: "My own pictures";
        readonly staysHere: "Your pictures stay on this computer. Nobody else gets them.";
        readonly add: "Add my picture";
        readonly adding: "Adding your picture…";
        readonly deleteN: "Delete my picture {{n}}";
        readonly full: "You have {{count}} pictures. Delete one to add another.";
        readonly noCamera: "I cannot see your camera. You can still pick a background.";
        readonly inCall: "Background";
        readonly closeChooser: "Done";
    };
    readonly update: {
        readonly grownUps: {
            readonly title: "Hearth needs an update";
            readonly body: "The Hearth server this computer uses now works only with newer versions of Hearth ({{min}} or later; this one is {{version}}). Please install the latest Hearth. Until then, messages wait and calls cannot start.";
            readonly bodyNoMin: "The Hearth server this computer uses now works only with newer versions of Hearth (this one is {{version}}). Please install the latest Hearth. Until then, messages wait and calls cannot start.";
        };
        readonly kids: {
            readonly title: "Hearth needs a grown-up";
            readonly body: "Hearth needs a little update before it can talk to your friends. Please ask a grown-up to help!";
        };
    };
    readonly emoji: {
        readonly grin: "Big smile";
        readonly laugh: "Laughing";
        readonly love: "Love eyes";
        readonly hearts: "Smile with hearts";
        readonly cool: "Cool";
        readonly wow: "Star eyes";
        readonly silly: "Silly";
        readonly hug: "Hug";
        readonly surprised: "Surprised";
        readonly sad: "Sad";
        readonly sleepy: "Sleepy";
        readonly thinking: "Thinking";
        readonly thumbsUp: "Thumbs up";
        readonly clap: "Clapping";
        readonly hooray: "Hooray";
        readonly wave: "Waving";
        readonly heart: "Heart";
        readonly star: "Star";
        readonly rainbow: "Rainbow";
        readonly party: "Party";
        readonly balloon: "Balloon";
        readonly dog: "Dog";
        readonly cat: "Cat";
        readonly pizza: "Pizza";
        readonly iceCream: "Ice cream";
        readonly football: "Football";
        readonly game: "Game";
        readonly books: "Books";
    };
    readonly packs: {
        readonly happyCat: "Happy cat";
        readonly sillyDog: "Silly dog";
        readonly teddyBear: "Teddy bear";
        readonly winkingFox: "Winking fox";
        readonly laughingFrog: "Laughing frog";
        readonly sleepyPanda: "Sleepy panda";
        readonly pizza: "Pizza";
        readonly iceCream: "Ice cream";
        readonly birthdayCake: "Birthday cake";
        readonly loveHeart: "Love heart";
        readonly superStar: "Super star";
        readonly rainbow: "Rainbow";
        readonly bouncingBall: "Bouncing ball";
        readonly spinningStar: "Spinning star";
        readonly beatingHeart: "Beating heart";
        readonly confetti: "Party";
        readonly balloons: "Balloons";
        readonly sunnyDay: "Sunny day";
        readonly rainyCloud: "Rainy cloud";
        readonly wavingCat: "Waving cat";
    };
    readonly chat: {
        readonly photoPreview: {
            readonly label: "Send this photo?";
            readonly send: "Send photo";
            readonly cancel: "Cancel";
        };
        readonly actions: {
            readonly more: "More for this message";
            readonly deleteForMe: "Delete for me";
            readonly deleteHint: "It goes away from this computer only.";
            readonly unsend: "Unsend";
            readonly unsendHint: "Take it back before {{name}} gets it.";
            readonly unsending: "Taking it back…";
        };
        readonly unsendRefused: {
            readonly ALREADY_DELIVERED: "Too late to unsend: {{name}} already has it.";
            readonly TOO_LATE: "Too late to unsend: it was sent more than 2 minutes ago.";
            readonly NOT_FOUND: "This message cannot be unsent.";
        };
        readonly record: {
            readonly voiceTitle: "Voice message";
            readonly videoTitle: "Video message";
            readonly voiceHint: "Press the button and talk. Press it again to send.";
            readonly videoHint: "Press the button to film a short video (up to 2 minutes).";
            readonly voiceDenied: "Hearth cannot use the microphone. Ask a grown-up to help.";
            readonly videoDenied: "Hearth cannot use the camera. Ask a grown-up to help.";
            readonly start: "Start";
            readonly recording: "Recording";
            readonly stopAndSend: "Stop and send";
        };
        readonly search: "Search";
        readonly searchLabel: "Search messages with {{name}}";
        readonly searchGo: "Find";
        readonly searchCount_one: "{{count}} message found";
        readonly searchCount_other: "{{count}} messages found";
        readonly older: "Show older messages";
        readonly empty: "Say hello to {{name}}!";
        readonly messagesWith: "Messages with {{name}}";
        readonly you: "You";
        readonly youSaid: "You said:";
        readonly theySaid: "{{name}} said:";
        readonly readMessage: "Read this message aloud";
        readonly unknownSticker: "A sticker this Hearth does not have yet";
        readonly gameMove: "A move in a game";
        readonly photoFrom: "A photo from {{name}}";
        readonly photoMine: "A photo you sent";
        readonly voiceFrom: "Voice message from {{name}}, {{duration}}";
        readonly voiceMine: "Your voice message, {{duration}}";
        readonly videoFrom: "Video message from {{name}}, {{duration}}";
        readonly videoMine: "Your video message, {{duration}}";
        readonly attachmentComing: "On its way…";
        readonly attachmentMissing: "This is not on this computer any more.";
        readonly uploading: "Sending the file";
        readonly preparing: "Getting it ready…";
        readonly writeLabel: "Write a message";
        readonly writePlaceholder: "Write a message…";
        readonly send: "Send";
        readonly newLineHint: "Enter sends. Shift+Enter starts a new line.";
        readonly lettersLeft_one: "{{count}} letter left";
        readonly lettersLeft_other: "{{count}} letters left";
        readonly tooLong_one: "{{count}} letter too many: make it a bit shorter to send it.";
        readonly tooLong_other: "{{count}} letters too many: make it a bit shorter to send it.";
        readonly emoji: "Emoji";
        readonly tools: {
            readonly label: "Things to send";
            readonly emoji: "Emoji";
            readonly stickers: "Stickers";
            readonly gifs: "GIFs";
            readonly voice: "Voice";
            readonly video: "Video";
            readonly photo: "Photo";
        };
        readonly state: {
            readonly queued: "Waiting to send";
            readonly sent: "Sent";
            readonly delivered: "Delivered";
            readonly read: "Seen";
            readonly expired: "Not delivered";
            readonly failed: "Not sent";
            readonly received: "";
        };
        readonly call: {
            readonly completed: "Call";
            readonly missed: "Missed call";
            readonly declined: "Call not answered";
            readonly cancelled: "Call cancelled";
        };
    };
    readonly see: {
        readonly title: "What my grown-ups can see";
        readonly intro: "Your grown-ups look after you on Hearth. Here is what they can see.";
        readonly canSee: "My grown-ups can see";
        readonly sees: {
            readonly friends: "Who your friends are.";
            readonly time: "How long you use Hearth each day.";
            readonly who: "Who you message and call, and how many times.";
            readonly approve: "Every new friend. They say yes or no.";
        };
        readonly promises: "Hearth promises";
        readonly promise: {
            readonly noStrangers: "Nobody can find you. Only friends with your code can ask.";
            readonly ownSpace: "Your messages are in your own space. Other children on this computer cannot open them in Hearth.";
            readonly noLocation: "Hearth never knows where you are.";
        };
        readonly myWeek: "My week";
        readonly nothingYet: "Nothing yet this week.";
        readonly dayLine: "{{time}} on Hearth, {{sent}} messages sent, {{got}} messages received";
        readonly minutes_zero: "a few moments";
        readonly minutes_one: "{{count}} minute";
        readonly minutes_other: "{{count}} minutes";
        readonly with: "(with {{names}})";
    };
    readonly home: {
        readonly hello: "Hi, {{name}}!";
        readonly helloParent: "Hello, {{name}}";
        readonly whatGrownUpsSee: "What my grown-ups see";
        readonly myBackground: "My background";
        readonly switch: "Not me";
        readonly closeMessages: "Close my messages";
        readonly friendsAndFamily: "My friends and family";
        readonly myChildren: "My children";
        readonly myGrownUp: "My grown-up";
        readonly myChild: "My child";
        readonly noFriendsYet: "No friends yet. Add a friend with a code!";
        readonly noChildren: "Your children show up here once you have added them.";
        readonly addFriend: "Add a friend";
        readonly requests: "Friend requests";
        readonly wantsToBeFriends: "{{name}} wants to be your friend!";
        readonly waitingForFriend: "Waiting for {{name}} to say yes.";
        readonly waitingForGrownUps: "You and {{name}} said yes! Now the grown-ups need to say yes too.";
        readonly yes: "Yes!";
        readonly noThanks: "No, thanks";
        readonly offline: "Hearth is not connected right now. Your messages will go as soon as it is back.";
    };
    readonly addFriend: {
        readonly titles: {
            readonly menu: "Add a friend";
            readonly show: "My friend code";
            readonly type: "My friend’s code";
            readonly waiting: "Almost friends!";
        };
        readonly lead: "Swap codes with your friend when you are together.";
        readonly showMine: "Show my code";
        readonly showMineText: "Read it out to your friend.";
        readonly typeTheirs: "Type my friend’s code";
        readonly typeTheirsText: "Your friend reads their code to you.";
        readonly readThis: "Read this code to your friend:";
        readonly readCode: "Read my code aloud";
        readonly codeRules: "It works once, for one day.";
        readonly done: "Done";
        readonly typeLabel: "Type your friend’s code";
        readonly send: "Send";
        readonly codeProblem: "Friend codes never use “{{chars}}”. Ask your friend to read it again.";
        readonly needCode: "A code has 8 letters and numbers, like ACDE-FGHJ.";
        readonly waiting: "You asked {{name}} to be friends!";
        readonly waitingMore: "Now your grown-ups and {{name}}’s grown-ups need to say yes. Then you can talk!";
        readonly backHome: "Back home";
    };
    readonly child: {
        readonly formTitle: "Add a child";
        readonly name: "Name or nickname";
        readonly nameHint: "This is what friends see.";
        readonly username: "Username";
        readonly usernameHint: "Lower-case letters, numbers, dots or underscores. Nobody can search for it.";
        readonly usernameProblem: "Use 3 to 24 lower-case letters, numbers, dots or underscores.";
        readonly picture: "Picture";
        readonly birthday: "Birthday";
        readonly birthdayDate: "Date of birth";
        readonly birthdayProblem: "Choose the date of birth, or pick “Skip” above.";
        readonly needName: "Type the child’s name to go on.";
        readonly needUsername: "Choose a username to go on.";
        readonly needConsent: "Tick the box about the privacy policy to go on.";
        readonly addBirthday: "Add a birthday";
        readonly gender: "Gender";
        readonly optionalHint: "You can skip this. Hearth works the same either way.";
        readonly skip: "Skip";
        readonly girl: "Girl";
        readonly boy: "Boy";
        readonly other: "Other";
        readonly consent: "I agree to the privacy policy (version {{version}}) for this child, as their parent or guardian.";
        readonly add: "Add this child";
    };
    readonly picker: {
        readonly title: "Who is using Hearth?";
        readonly empty: "There are no children on this computer yet. A grown-up can add them in the grown-ups’ pane.";
        readonly grownUps: "Grown-ups";
        readonly hello: "Hello, {{name}}!";
        readonly secretPictures: "secret pictures";
    };
    readonly pictures: {
        readonly prompt: "Tap your secret pictures, in the right order.";
        readonly go: "Go!";
        readonly startOver: "Start again";
        readonly chosen_one: "{{count}} picture chosen";
        readonly chosen_other: "{{count}} pictures chosen";
        readonly apple: "Apple";
        readonly ball: "Ball";
        readonly cat: "Cat";
        readonly dog: "Dog";
        readonly fish: "Fish";
        readonly flower: "Flower";
        readonly moon: "Moon";
        readonly star: "Star";
        readonly tree: "Tree";
    };
    readonly policy: {
        readonly lead: "Hearth is built for children. Before you add yours, here is what we promise and what you agree to.";
        readonly points: {
            readonly noStrangers: {
                readonly title: "No strangers.";
                readonly text: "There is no search and no directory. Children become friends only by swapping a code in person.";
            };
            readonly approve: {
                readonly title: "You approve every friend.";
                readonly text: "Both children say yes, then both families’ grown-ups approve.";
            };
            readonly see: {
                readonly title: "You see what they do.";
                readonly text: "Who they talk to, what they use and for how long. Your child can see what you see.";
            };
            readonly noAds: {
                readonly title: "No ads, no profiling.";
                readonly text: "Nothing your child does is used to show them ads or suggestions.";
            };
            readonly shortKeep: {
                readonly title: "Messages do not pile up.";
                readonly text: "The Hearth server keeps a message only until it is delivered, at most 15 days. Conversations stay on this computer.";
            };
            readonly noLocation: {
                readonly title: "No location.";
                readonly text: "Hearth never asks where your child is. Photos lose their location before they are sent.";
            };
        };
        readonly notYet: "Not built yet: deleting a child’s account or downloading their data from the app. Until then, ask whoever runs your Hearth server.";
        readonly fullTitle: "The privacy policy";
        readonly version: "Privacy policy version";
        readonly published: "published {{date}}";
        readonly agree: "I have read the privacy policy (version {{version}}) and I agree to it, as the parent or guardian of the children I add.";
    };
    readonly firstRun: {
        readonly titles: {
            readonly welcome: "Welcome to Hearth";
            readonly account: "Your Hearth account";
            readonly policy: "Our promises to your family";
            readonly children: "Your children";
            readonly enroll: "This computer";
            readonly password: "The grown-ups’ password";
            readonly done: "All set!";
        };
        readonly progress: "Step {{step}} of {{total}}";
        readonly welcomeLead: "Hearth lets children call and message their family and the friends their grown-ups said yes to. No strangers, no ads.";
        readonly whoFor: "Who is this computer for?";
        readonly forChildren: "For my children";
        readonly forChildrenText: "Children pick their picture and talk to family and approved friends.";
        readonly forMe: "For me, a grown-up";
        readonly forMeText: "Parent mode: message and call your own children from your computer.";
        readonly version: "Hearth";
        readonly policyVersion: "Privacy policy";
        readonly accountTitle: "Your Hearth account";
        readonly accountLead: "A grown-up’s account looks after the children’s accounts and approves every friend.";
        readonly accountKind: "Do you have a Hearth account?";
        readonly newAccount: "I am new";
        readonly haveAccount: "I have an account";
        readonly yourName: "Your name";
        readonly yourNameHint: "Your children’s friends’ grown-ups see this name when they approve a friend.";
        readonly email: "Email";
        readonly relayPassword: "Password for your Hearth account";
        readonly relayPasswordHint: "At least 10 characters.";
        readonly relayPasswordShort: "This password is too short: it needs at least 10 characters.";
        readonly emailProblem: "This does not look like an email address. It needs an @ and a dot, like name@example.com.";
        readonly needName: "Type your name to go on.";
        readonly needEmail: "Type your email address to go on.";
        readonly needNewPassword: "Choose a password of at least 10 characters to go on.";
        readonly needPassword: "Type your password to go on.";
        readonly createAccount: "Create my account";
        readonly signIn: "Sign in";
        readonly whoUsesPc: "Who uses this computer?";
        readonly addAnother: "Add another child";
        readonly enrollTitle: "Put your children on this computer";
        readonly enrollLead: "Hearth will give {{names}} a profile on this computer.";
        readonly pcName: "Name of this computer";
        readonly pcNameHint: "You will see this name in your list of computers.";
        readonly pcNameDefault: "Family computer";
        readonly pcNameProblem: "Give this computer a name.";
        readonly enroll: "Set up this computer";
        readonly passwordTitle: "The grown-ups’ password";
        readonly passwordLead: "This password opens the grown-ups’ pane on this computer, where you approve friends and change settings. Keep it secret from the children.";
        readonly paneSecret: "Grown-ups’ password";
        readonly paneSecretHint: "At least 8 characters.";
        readonly paneSecretAgain: "The same password again";
        readonly paneSecretMismatch: "The two passwords are not the same.";
        readonly savePassword: "Save the password";
        readonly doneFamily: "Hearth is ready. The grown-ups’ pane is locked now: your children can pick their picture and start.";
        readonly doneParent: "Parent mode is ready. Your children are your contacts here.";
        readonly startFamily: "Start Hearth";
        readonly startParent: "Open my messages";
        readonly tryAgain: "Try again";
    };
    readonly errors: {
        readonly EMAIL_NOT_VERIFIED: "This email is not confirmed yet. Type the code we sent to it.";
        readonly CODE_INVALID: "That code does not work. Check the newest email, or send a new code.";
        readonly emailCode: {
            readonly CODE_INVALID: "That code does not work. Check the newest email, or send a new code.";
            readonly RATE_LIMITED: "That was a lot of tries. Please wait a little, or send a new code.";
            readonly VALIDATION_FAILED: "The code has 6 digits, and a new password at least 10 characters.";
        };
        readonly generic: "Something went wrong. Please try again.";
        readonly VALIDATION_FAILED: "Something in the form is not quite right. Please check it.";
        readonly UNAVAILABLE: "Hearth cannot reach its server right now. Please try again soon.";
        readonly UNAUTHENTICATED: "Please sign in again.";
        readonly FORBIDDEN: "That is not allowed here.";
        readonly NOT_FOUND: "That could not be found any more.";
        readonly RATE_LIMITED: "That was a lot of tries. Please wait a little, then try again.";
        readonly EMAIL_TAKEN: "There is already an account with this email. Try signing in instead.";
        readonly USERNAME_TAKEN: "That username is taken. Please pick another one.";
        readonly CONSENT_REQUIRED: "Please agree to the privacy policy first.";
        readonly POLICY_VERSION_MISMATCH: "The privacy policy has changed. Please read it again.";
        readonly INVITE_INVALID: "That code does not work. Check the letters, or ask your friend for a new code.";
        readonly INVITE_OWN: "That is your own code! Give it to a friend.";
        readonly NOT_FRIENDS: "You can only talk to friends your grown-ups said yes to.";
        readonly LOCKED: "Ask a grown-up to unlock the grown-ups’ pane.";
        readonly WRONG_PASSWORD: "That password is not right.";
        readonly CONFLICT: "That cannot be done on this computer.";
        readonly PAYLOAD_TOO_LARGE: "That file is too big to send.";
        readonly UNSUPPORTED_MEDIA_TYPE: "Hearth cannot send that kind of file.";
        readonly APP_TOO_OLD: "Hearth needs an update to talk to its server. Please ask a grown-up to install the latest Hearth.";
        readonly QUOTA_EXCEEDED: "There is no more room for files right now. Wait until your friends have them, then try again.";
        readonly STORAGE_FULL: "The Hearth server is full right now. Please try again later.";
        readonly account: {
            readonly UNAUTHENTICATED: "That email and password do not match a Hearth account.";
            readonly FORBIDDEN: "This computer belongs to another family’s Hearth account.";
            readonly CONFLICT: "This computer is set up for children. Parent mode is for your own computer.";
        };
        readonly unlock: {
            readonly WRONG_PASSWORD: "That is not the grown-ups’ password.";
            readonly RATE_LIMITED: "Too many wrong tries. Please wait, then try again.";
        };
        readonly accountUnlock: {
            readonly WRONG_PASSWORD: "That email and password do not match a Hearth account.";
            readonly FORBIDDEN: "Only the grown-up who set up this computer, or whose child has a profile on it, can open the pane with their account.";
            readonly RATE_LIMITED: "The Hearth server asks you to wait a little before trying this account again.";
            readonly CONFLICT: "Hearth is not set up on this computer yet.";
        };
        readonly pictures: {
            readonly WRONG_PASSWORD: "Those are not your secret pictures. Try again!";
            readonly RATE_LIMITED: "Let’s wait a little bit, then try your pictures again.";
        };
        readonly invite: {
            readonly RATE_LIMITED: "That is a lot of codes! Please wait a while before making another.";
        };
        readonly redeem: {
            readonly FORBIDDEN: "Only children can add friends with a code.";
        };
        readonly send: {
            readonly NOT_FRIENDS: "You can only send messages to friends your grown-ups said yes to.";
        };
        readonly child: {
            readonly USERNAME_TAKEN: "That username is taken. Please pick another one.";
        };
        readonly backgrounds: {
            readonly UNSUPPORTED_MEDIA_TYPE: "That is not a picture Hearth can use. Try a photo!";
            readonly PAYLOAD_TOO_LARGE: "That picture is too big. Try a smaller one!";
            readonly CONFLICT: "You have lots of pictures already. Delete one first.";
        };
    };
    readonly app: {
        readonly name: "Hearth";
        readonly starting: "Hearth is starting…";
        readonly lostConnection: "Hearth lost its connection to this computer’s Hearth service. Trying again…";
        readonly staleLink: {
            readonly title: "This Hearth window is out of date";
            readonly kids: "Please ask a grown-up to open Hearth again.";
            readonly grownUps: "For grown-ups: Hearth was started again, or this link has no key. Open the new link that “npm start” printed in the terminal (it ends in ?token=…), and close this tab.";
        };
    };
    readonly common: {
        readonly back: "Back";
        readonly cancel: "Cancel";
        readonly continue: "Continue";
        readonly save: "Save";
        readonly refresh: "Refresh";
        readonly dismiss: "Close";
        readonly unknown: "unknown";
        readonly language: "Language";
        readonly readAloud: "Read aloud";
        readonly newCount_one: "{{count}} new";
        readonly newCount_other: "{{count}} new";
    };
    readonly avatars: {
        readonly fox: "Fox";
        readonly cat: "Cat";
        readonly dog: "Dog";
        readonly bear: "Bear";
        readonly panda: "Panda";
        readonly frog: "Frog";
        readonly lion: "Lion";
        readonly unicorn: "Unicorn";
        readonly octopus: "Octopus";
        readonly rabbit: "Rabbit";
        readonly turtle: "Turtle";
        readonly owl: "Owl";
    };
    readonly presence: {
        readonly online: "Here now";
        readonly away: "Away";
        readonly 'in-call': "In a call";
        readonly offline: "Not here";
    };
    readonly notify: {
        readonly newMessage: "New message from {{name}}";
    };
    readonly parentStart: {
        readonly lead: "This is your own Hearth. Open your messages to talk with your children.";
        readonly open: "Open my messages";
        readonly signInAgain: "Sign in again";
        readonly signInAgainLead: "Your Hearth sign-in on this computer has ended. Please sign in again.";
    };
};
/** The shape of the app's main namespace, in English. */
export type Translation = typeof en;
