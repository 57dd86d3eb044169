/** A child’s profile: the form that adds one, the picker, the secret pictures. */
import type { Spanish } from '../translation';
export declare const childrenEn: {
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
};
export declare const childrenEs: Spanish<typeof childrenEn>;
